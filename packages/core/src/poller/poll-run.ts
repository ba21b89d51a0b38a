import { asyncScheduler, Observable } from "rxjs";
import type { SchedulerAction, Subscriber, Subscription, Unsubscribable } from "rxjs";
import { initialEngineState } from "../engine/engine-state.js";
import type { EngineState } from "../engine/engine-state.js";
import { advance, copyEngineState, firstPoll, nextWake } from "../engine/step.js";
import type { MonitorReading, StepResult } from "../engine/step-result.js";
import type { Operation } from "../models/operation.js";
import type { MonitorAnswer } from "./monitor-answer.js";
import type { AnswerReceiver, SentRequest } from "./direct-send.js";
import { monitorHeaders, pollMonitorAt, unansweredError } from "./poll-monitor.js";
import type { PollMonitorOptions } from "./poll-monitor.js";
import { readMonitorAnswer } from "./read-monitor-answer.js";
import { fixedRequestHeaders } from "./fixed-headers.js";
import type { TransportResponse } from "./transport.js";
import type { PollOptions } from "./poll-options.js";
import { createPollSetup, deadlineOf } from "./poll-setup.js";
import type { PollOverrides, PollSetup, PollStart } from "./poll-setup.js";
import { abortReasonOf, allowManyListeners } from "./shared-signal.js";
import { WakeQueue } from "./wake-queue.js";
import type { Sleeper } from "./wake-queue.js";

/** Why a stopped run's request in flight was cancelled (nobody sees it: the run takes no more answers). */
const stoppedReason = new DOMException("The poll was stopped", "AbortError");

// Scheduled work is module-level and gets its run as state: no closure per operation.
function pollDue(this: SchedulerAction<PollRun>, run?: PollRun): void {
  run!.poll();
}
function deadlinePassed(this: SchedulerAction<PollRun>, run?: PollRun): void {
  run!.read({ type: "deadline" });
}
/** The waits of every run on the default scheduler, on one platform timer (on that scheduler's clock). */
const defaultWaits = new WakeQueue(() => asyncScheduler.now());

/**
 * One subscription's poll loop, a driver of the engine's `step`: one pending timer or one request in
 * flight at a time, every decision (what to emit, when to poll, when it ends) taken by `step`. A plain
 * object with its state in fields, so thousands of waiting polls stay small.
 */
class PollRun implements Unsubscribable, Sleeper, AnswerReceiver {
  /** The engine's state, this run's own: `advance` updates it in place, and only copies leave the run. */
  private state: EngineState;
  /** Whether this subscription has emitted a snapshot yet: its first answer is always emitted. */
  private emittedAny = false;
  /** The pending wake-up on a scheduler given in the options. */
  private timer: Subscription | undefined;
  /** The pending wake-up on the default scheduler, in `defaultWaits` (see `Sleeper`). */
  wakeAt = 0;
  wakeIndex = -1;
  wakeOrder = 0;
  private wakeAction: "poll" | "deadline" = "poll";
  /**
   * Aborts the request in flight when the run stops, on a transport that takes a signal; one per run, made
   * with its first request (or the start request's). The package's own transports need none: `inFlight`.
   */
  private controller: AbortController | undefined;
  /** The request in flight on a transport with a direct send: cancelled if the run stops. */
  private inFlight: SentRequest | undefined;
  /** `onAnswer` and `onNoAnswer` as callbacks for a transport's promise, made with its first request. */
  private callbacks: [(response: TransportResponse) => void, (cause: unknown) => void] | undefined;
  /** Whether a request is in flight (only then does stopping abort the signal). */
  private sending = false;
  /** Whether the request in flight carries the caller's Authorization. */
  private authorizationSent = false;
  private stopped = false;

  constructor(
    private readonly subscriber: Subscriber<Operation>,
    private readonly setup: PollSetup,
    start: PollStart,
  ) {
    const { options, scheduler, monitorUrl, requestUrl, kind } = setup;
    // The start request's controller serves the polls only where they go with a signal.
    if (setup.send === undefined) this.controller = start.controller;
    const now = scheduler.now();
    const timeout = start.deadline ?? deadlineOf(options.timeout, now);
    const deadline = Number.isFinite(timeout) ? timeout : undefined;
    if (start.resumed === undefined) {
      this.state = initialEngineState({
        monitorUrl,
        requestUrl,
        kind,
        now,
        retryAfterMs: start.retryAfterMs,
        deadline,
      });
    } else {
      this.state = { ...copyEngineState(start.resumed), monitorUrl };
      if (requestUrl === undefined) delete this.state.requestUrl;
      else this.state.requestUrl = requestUrl;
      if (kind === undefined) delete this.state.kind;
      else this.state.kind = kind;
      if (deadline !== undefined) this.state.deadline = deadline;
    }
  }

  begin(start: PollStart): void {
    const { options, policy, scheduler } = this.setup;
    const external = options.signal;
    if (external?.aborted) return this.subscriber.error(abortReasonOf(external));
    if (external) {
      allowManyListeners(external);
      external.addEventListener("abort", this, { once: true });
    }
    // What the caller's functions throw here (onResumeToken) ends the run, its abort listener included.
    try {
      if (start.resumed === undefined) this.state = firstPoll(this.state, policy, scheduler.now()).state;
      this.schedule();
    } catch (error) {
      this.fail(error);
    }
  }

  /** The external signal aborted. */
  handleEvent(): void {
    this.fail(abortReasonOf(this.setup.options.signal!));
  }

  unsubscribe(): void {
    this.stop();
  }

  /** The default scheduler's wait is over. */
  wake(): void {
    if (this.wakeAction === "poll") this.poll();
    else this.read({ type: "deadline" });
  }

  poll(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const { monitor, options, overrides, now } = this.setup;
    this.sending = true;
    const headers = Object.hasOwn(overrides, "headers") ? overrides.headers : options.headers;
    const requestUrl = Object.hasOwn(overrides, "requestUrl") ? overrides.requestUrl : options.requestUrl;
    // Without getAuthorization to ask before each request, the headers of the last poll serve again.
    let fixed;
    if (options.getAuthorization === undefined)
      try {
        fixed = this.setup.fixedHeaders = fixedRequestHeaders(
          monitor,
          headers,
          requestUrl,
          options.trustedOrigins,
          monitorHeaders,
          this.setup.fixedHeaders,
        );
      } catch {
        // A setting that cannot be read (a requestUrl that is no address): pollMonitorAt rejects with it.
      }
    if (fixed !== undefined) {
      // The common case, without an async frame: the transport's answer read by the run itself.
      this.authorizationSent = fixed.authorizationSent;
      const { send, transport } = this.setup;
      if (send !== undefined) {
        // The package's own transport: no signal, no promise; the answer comes to `onAnswer`.
        const sent = send({ method: "GET", url: monitor, headers: fixed.send }, this);
        // A request refused at once has been read already (the next poll planned, maybe sent already).
        if (this.sending && this.inFlight === undefined) this.inFlight = sent;
        return;
      }
      let answer: Promise<TransportResponse>;
      try {
        answer = transport.request({
          method: "GET",
          url: monitor,
          headers: fixed.send,
          signal: this.signal(),
        });
      } catch (cause) {
        answer = Promise.reject(cause);
      }
      this.callbacks ??= [(response) => this.onAnswer(response), (cause) => this.onNoAnswer(cause)];
      answer.then(this.callbacks[0], this.callbacks[1]);
      return;
    }
    const signal = this.signal();
    // Every option named (a new one fails to compile until it is passed): one object shape for every poll,
    // instead of copying the caller's options on each.
    const request: { [Name in keyof Required<PollMonitorOptions>]: PollMonitorOptions[Name] } = {
      transport: options.transport,
      headers,
      getAuthorization: options.getAuthorization,
      requestUrl,
      trustedOrigins: options.trustedOrigins,
      kind: this.state.kind,
      signal,
      previous: this.state.operation,
      now,
    };
    pollMonitorAt(monitor, request).then(
      (answer: MonitorAnswer) => this.read({ type: "answer", answer }),
      (error: unknown) => this.read({ type: "failure", error }),
    );
  }

  /**
   * The run's one signal (the start request's, when it had one): only stopping the run aborts it, and a
   * stopped run sends nothing more.
   */
  private signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  /** The transport's answer, read as `pollMonitor` reads it. */
  onAnswer(response: TransportResponse): void {
    this.inFlight = undefined;
    if (this.stopped) return;
    let answer: MonitorAnswer;
    try {
      answer = readMonitorAnswer(response, {
        url: this.setup.monitor,
        receivedAt: this.setup.now(),
        authorizationSent: this.authorizationSent,
        kind: this.state.kind,
        previous: this.state.operation,
      });
    } catch (error) {
      return this.read({ type: "failure", error });
    }
    this.read({ type: "answer", answer });
  }

  /** The transport had no answer. */
  onNoAnswer(cause: unknown): void {
    this.inFlight = undefined;
    if (this.stopped) return;
    this.read({
      type: "failure",
      error: unansweredError(cause, this.setup.monitor, this.controller?.signal),
    });
  }

  /**
   * Hands what came to `step` and does what it says. What the caller's functions throw meanwhile (an
   * interval function, onResumeToken) ends the poll with that error instead of leaving it waiting for ever.
   */
  read(reading: MonitorReading): void {
    this.timer = undefined;
    this.sending = false;
    if (this.stopped) return;
    try {
      this.follow(advance(this.state, reading, this.setup.policy, this.setup.scheduler.now()));
    } catch (error) {
      this.fail(error);
    }
  }

  private follow(result: StepResult): void {
    this.state = result.state;
    const emit = result.emit ?? (this.emittedAny ? undefined : result.state.operation);
    if (emit !== undefined) {
      this.emittedAny = true;
      this.subscriber.next(emit);
    }
    const { end } = result;
    if (end === undefined) return this.schedule();
    if (end.outcome === "succeeded") {
      this.stop();
      this.subscriber.complete();
    } else this.fail(end.error);
  }

  private schedule(): void {
    if (this.stopped) return;
    const { options, scheduler } = this.setup;
    options.onResumeToken?.(copyEngineState(this.state));
    // One wait per operation: for the next poll, or for the deadline when that comes first.
    const wake = nextWake(this.state);
    // The default scheduler's waits share one platform timer: no timer object per wait.
    if (scheduler === asyncScheduler) {
      this.wakeAction = wake.action;
      defaultWaits.add(this, wake.at);
      return;
    }
    const delay = Math.max(0, wake.at - scheduler.now());
    this.timer = scheduler.schedule(wake.action === "poll" ? pollDue : deadlinePassed, delay, this);
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.stop();
    this.subscriber.error(error);
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    // Aborted only with a request in flight: an abort makes an AbortError, with its stack, for nothing.
    if (this.sending) {
      this.inFlight?.cancel(stoppedReason);
      this.controller?.abort();
    }
    this.timer?.unsubscribe();
    defaultWaits.remove(this);
    this.setup.options.signal?.removeEventListener("abort", this);
  }
}

/**
 * Runs the poll loop for `subscriber` (the shared core of pollOperation, startOperation, resumeOperation
 * and the watcher). `overrides` (request URL, headers, kind) apply on top of `options` without copying them.
 */
export function followMonitor(
  subscriber: Subscriber<Operation>,
  setup: PollSetup,
  start: PollStart,
): Unsubscribable {
  const run = new PollRun(subscriber, setup, start);
  run.begin(start);
  return run;
}

/** The poll loop as a cold Observable: each subscription polls on its own. */
export function runPoll(
  monitor: URL,
  options: PollOptions,
  start: PollStart,
  overrides: PollOverrides = {},
): Observable<Operation> {
  const setup = createPollSetup(monitor, options, overrides);
  return new Observable<Operation>((subscriber) => followMonitor(subscriber, setup, start));
}
