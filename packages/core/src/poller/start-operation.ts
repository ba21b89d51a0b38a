import { asyncScheduler, Observable } from "rxjs";
import type { Unsubscribable } from "rxjs";
import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { TransportError } from "../errors/transport-error.js";
import type { Operation } from "../models/operation.js";
import { defaultTransport } from "./create-transport.js";
import type { PollOptions } from "./poll-options.js";
import { followMonitor } from "./poll-run.js";
import { checkPollOptions, createPollSetup, deadlineOf } from "./poll-setup.js";
import { requestHeaders } from "./request-headers.js";
import { allowManyListeners } from "./shared-signal.js";
import { readStartAnswer } from "./start-answer.js";
import type { StartAnswer } from "./start-answer.js";
import { prepareStartRequest } from "./start-request.js";
import type { PreparedRequest, StartRequest } from "./start-request.js";

async function send(
  request: PreparedRequest,
  options: PollOptions,
  signal: AbortSignal,
): Promise<StartAnswer> {
  const transport = options.transport ?? defaultTransport();
  const scheduler = options.scheduler ?? asyncScheduler;
  const authorization = {
    ...options,
    headers: { ...options.headers, ...request.headers },
    requestUrl: request.url,
  };
  const { headers } = await requestHeaders(request.url, authorization, { accept: "application/json" });
  signal.throwIfAborted();
  let response;
  try {
    response = await transport.request({ ...request, headers, signal });
  } catch (cause) {
    signal.throwIfAborted();
    if (ResponseTooLargeError.isInstance(cause)) throw cause;
    throw new TransportError({ url: request.url.href, method: request.method }, { cause });
  }
  return readStartAnswer(response, {
    requestUrl: request.url,
    receivedAt: scheduler.now(),
    kind: options.kind,
  });
}

/** The Authorization the caller put on the request itself, carried on to the polls (same origin rule). */
function pollHeaders(request: PreparedRequest, options: PollOptions): Record<string, string> | undefined {
  const authorization = request.headers["authorization"];
  return authorization === undefined ? options.headers : { ...options.headers, authorization };
}

/** One subscription's hold on its work: the initial request while in flight, then the poll. */
class StartRun implements Unsubscribable {
  controller: AbortController | undefined = new AbortController();
  poll: Unsubscribable | undefined;

  unsubscribe(): void {
    this.controller?.abort();
    this.poll?.unsubscribe();
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
    const run = new StartRun();
    // The deadline counts from subscribing, the initial request included.
    const deadline = deadlineOf(options.timeout, (options.scheduler ?? asyncScheduler).now());
    const controller = run.controller!;
    if (options.signal) allowManyListeners(options.signal);
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    send(prepared, options, signal)
      .then(
        (answer) => {
          run.controller = undefined;
          if (subscriber.closed) return;
          if ("finished" in answer) {
            subscriber.next(answer.finished);
            subscriber.complete();
            return;
          }
          const overrides = { requestUrl: prepared.url.href, headers: pollHeaders(prepared, options) };
          // The polls go with the start request's own controller (not a signal combined with the caller's).
          const start = { retryAfterMs: answer.retryAfterMs, deadline, controller };
          const setup = createPollSetup(answer.monitorUrl, options, overrides, true);
          run.poll = followMonitor(subscriber, setup, start);
        },
        (error: unknown) => {
          run.controller = undefined;
          subscriber.error(error);
        },
      )
      // What the caller's functions throw as the poll begins (onResumeToken) ends it with that error.
      .catch((error: unknown) => subscriber.error(error));
    // The teardown is the run itself: no closure keeps the request alive while the poll waits.
    return run;
  });
}
