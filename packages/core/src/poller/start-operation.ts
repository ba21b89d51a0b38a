import { asyncScheduler, Observable } from "rxjs";
import type { SchedulerLike, Subscriber, Unsubscribable } from "rxjs";
import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { TransportError } from "../errors/transport-error.js";
import type { Operation } from "../models/operation.js";
import { defaultTransport } from "./create-transport.js";
import { directSendOf } from "./direct-send.js";
import type { AnswerReceiver, SentRequest } from "./direct-send.js";
import type { PollOptions } from "./poll-options.js";
import { followMonitor } from "./poll-run.js";
import { checkPollOptions, createPollSetup, deadlineOf, sharedHref } from "./poll-setup.js";
import { requestHeaders } from "./request-headers.js";
import type { RequestHeaders } from "./request-headers.js";
import { abortReasonOf, allowManyListeners } from "./shared-signal.js";
import { readStartAnswer } from "./start-answer.js";
import type { StartAnswer } from "./start-answer.js";
import { prepareStartRequest } from "./start-request.js";
import type { PreparedRequest, StartRequest } from "./start-request.js";
import type { Transport, TransportResponse } from "./transport.js";

const startHeaders: Readonly<Record<string, string>> = { accept: "application/json" };

/** Why a stopped run's start request in flight was cancelled (nobody sees it: the run takes no answer). */
const stoppedReason = new DOMException("The operation's start was stopped", "AbortError");

/** The start request's headers: the caller's options and the request's own, Authorization by the origin rule. */
function startRequestHeaders(
  request: PreparedRequest,
  options: PollOptions,
): RequestHeaders | Promise<RequestHeaders> {
  const given = options.headers === undefined ? request.headers : { ...options.headers, ...request.headers };
  const scope = {
    headers: given,
    getAuthorization: options.getAuthorization,
    requestUrl: request.url,
    trustedOrigins: options.trustedOrigins,
  };
  return requestHeaders(request.url, scope, startHeaders);
}

/** A transport's failure to answer the start request, as the caller sees it. */
function startFailure(request: PreparedRequest, cause: unknown): unknown {
  if (ResponseTooLargeError.isInstance(cause)) return cause;
  return new TransportError({ url: request.url.href, method: request.method }, { cause });
}

/**
 * Sends the start request with a signal (a transport that takes one, or headers that wait for
 * getAuthorization): resolves with its answer, or rejects with what the caller sees.
 */
async function sendWithSignal(
  request: PreparedRequest,
  planned: RequestHeaders | Promise<RequestHeaders>,
  transport: Transport,
  signal: AbortSignal,
): Promise<TransportResponse> {
  const { headers } = await planned;
  signal.throwIfAborted();
  try {
    return await transport.request({ ...request, headers, signal });
  } catch (cause) {
    signal.throwIfAborted();
    throw startFailure(request, cause);
  }
}

/** The Authorization the caller put on the request itself, carried on to the polls (same origin rule). */
function pollHeaders(request: PreparedRequest, options: PollOptions): Record<string, string> | undefined {
  const authorization = request.headers["authorization"];
  return authorization === undefined ? options.headers : { ...options.headers, authorization };
}

/**
 * One subscription of `startOperation`: the start request, then the poll loop it hands over to. On the
 * package's own transport the start request goes by direct send, with this run as its receiver: no
 * AbortController, no combined signal, no promise per operation. A transport that takes a signal (or
 * headers that wait for getAuthorization) gets one controller, which the polls then share.
 */
class StartRun implements Unsubscribable, AnswerReceiver {
  private readonly scheduler: SchedulerLike;
  /** The deadline counts from subscribing, the start request included. */
  private readonly deadline: number;
  /** The start request in flight on a direct send. */
  private inFlight: SentRequest | undefined;
  /** The signal path's controller: aborted when the run stops, and handed to the polls. */
  private controller: AbortController | undefined;
  /** Whether the start request has been answered (or has failed) on a direct send. */
  private settledStart = false;
  private poll: Unsubscribable | undefined;
  private stopped = false;

  constructor(
    private readonly subscriber: Subscriber<Operation>,
    /** The start request: let go once it is answered (an operation's poll may run for hours). */
    private request: PreparedRequest | undefined,
    private readonly options: PollOptions,
  ) {
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.deadline = deadlineOf(options.timeout, this.scheduler.now());
  }

  begin(): void {
    const { options } = this;
    const request = this.request!;
    const external = options.signal;
    if (external?.aborted) return this.subscriber.error(abortReasonOf(external));
    let planned: RequestHeaders | Promise<RequestHeaders>;
    let transport: Transport;
    try {
      transport = options.transport ?? defaultTransport();
      planned = startRequestHeaders(request, options);
    } catch (error) {
      return this.subscriber.error(error);
    }
    const send = directSendOf(transport);
    if (send === undefined || planned instanceof Promise) return this.beginWithSignal(planned, transport);
    if (external) {
      allowManyListeners(external);
      external.addEventListener("abort", this, { once: true });
    }
    const sent = send({ ...request, headers: planned.headers }, this);
    // A request answered or refused at once has settled already: there is nothing left to cancel.
    if (!this.settledStart) this.inFlight = sent;
  }

  private beginWithSignal(planned: RequestHeaders | Promise<RequestHeaders>, transport: Transport): void {
    const controller = (this.controller = new AbortController());
    const external = this.options.signal;
    if (external) allowManyListeners(external);
    const signal = external ? AbortSignal.any([external, controller.signal]) : controller.signal;
    sendWithSignal(this.request!, planned, transport, signal).then(
      (response) => {
        if (!this.stopped) this.read(response);
      },
      (error: unknown) => {
        if (!this.stopped) this.subscriber.error(error);
      },
    );
  }

  /** The start request's answer, on a direct send. */
  onAnswer(response: TransportResponse): void {
    if (this.settle()) this.read(response);
  }

  /** No answer to the start request, on a direct send. */
  onNoAnswer(reason: unknown): void {
    if (this.settle()) this.subscriber.error(startFailure(this.request!, reason));
  }

  /** The caller's signal aborted while the start request was in flight. */
  handleEvent(): void {
    const reason = abortReasonOf(this.options.signal!);
    this.unsubscribe();
    this.subscriber.error(reason);
  }

  unsubscribe(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unlisten();
    this.inFlight?.cancel(stoppedReason);
    this.inFlight = undefined;
    this.controller?.abort();
    this.poll?.unsubscribe();
  }

  /** The direct send settled: whether the run still takes its outcome. */
  private settle(): boolean {
    this.settledStart = true;
    this.inFlight = undefined;
    this.unlisten();
    return !this.stopped;
  }

  /** The run stops listening to the caller's signal (a no-op where it never listened: the signal path). */
  private unlisten(): void {
    this.options.signal?.removeEventListener("abort", this);
  }

  /** Reads the start answer: finished at once, or a monitor to follow. */
  private read(response: TransportResponse): void {
    const { options, subscriber } = this;
    const request = this.request!;
    this.request = undefined;
    // What the caller's functions throw as the poll begins (onResumeToken) ends it with that error.
    try {
      const answer: StartAnswer = readStartAnswer(response, {
        requestUrl: request.url,
        receivedAt: this.scheduler.now(),
        kind: options.kind,
      });
      if ("finished" in answer) {
        subscriber.next(answer.finished);
        subscriber.complete();
        return;
      }
      const overrides = { requestUrl: sharedHref(request.url.href), headers: pollHeaders(request, options) };
      // On the signal path the polls go with the start request's controller (not the combined signal).
      const start = {
        retryAfterMs: answer.retryAfterMs,
        deadline: this.deadline,
        controller: this.controller,
      };
      const setup = createPollSetup(answer.monitorUrl, options, overrides, true);
      this.poll = followMonitor(subscriber, setup, start);
    } catch (error) {
      subscriber.error(error);
    }
  }
}

/**
 * Sends the request that starts a long-running operation and follows it. 200, 201 or 204 means finished
 * now: one succeeded snapshot. 202 with Operation-Location or Location is followed with `pollOperation`
 * (its Retry-After honoured before the first poll); a 202 without either errors with `MissingMonitorError`.
 * The monitor's origin gets the Authorization only if it is the request's or listed in `trustedOrigins`.
 */
export function startOperation(request: StartRequest, options: PollOptions = {}): Observable<Operation> {
  const prepared = prepareStartRequest(request);
  // Options are checked now, as pollOperation checks them, not once the request has been sent.
  checkPollOptions(options);
  return new Observable<Operation>((subscriber) => {
    const run = new StartRun(subscriber, prepared, options);
    run.begin();
    // The teardown is the run itself: no closure keeps the request alive while the poll waits.
    return run;
  });
}
