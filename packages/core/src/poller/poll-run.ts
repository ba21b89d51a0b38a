import { Observable } from "rxjs";
import type { SchedulerAction, Subscriber, Subscription, Unsubscribable } from "rxjs";
import { OperationFailedError } from "../errors/operation-failed-error.js";
import { PollTimeoutError } from "../errors/poll-timeout-error.js";
import type { Operation } from "../models/operation.js";
import type { MonitorAnswer } from "./monitor-answer.js";
import { nextPoll } from "./pacing.js";
import type { PollDecision } from "./pacing.js";
import { appendPacingSample, toPacingSample } from "./pacing-sample.js";
import type { PacingSample } from "./pacing-sample.js";
import { pollMonitorAt } from "./poll-monitor.js";
import type { PollMonitorOptions } from "./poll-monitor.js";
import type { PollOptions } from "./poll-options.js";
import { createPollSetup, deadlineOf } from "./poll-setup.js";
import type { PollOverrides, PollSetup, PollStart } from "./poll-setup.js";
import { allowManyListeners } from "./shared-signal.js";
import { snapshotChanged } from "./snapshot-changed.js";
import { transientFailure } from "./transient-failure.js";

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The poll was aborted", "AbortError");
}

// Scheduled work is module-level and gets its run as state: no closure per operation.
function pollDue(this: SchedulerAction<PollRun>, run?: PollRun): void {
  run!.poll();
}
function deadlinePassed(this: SchedulerAction<PollRun>, run?: PollRun): void {
  run!.timeOut();
}

/**
 * One subscription's poll loop: one pending timer or one request in flight at a time, every delay decided
 * by `nextPoll`. A plain object with its state in fields, so thousands of waiting polls stay small.
 */
class PollRun implements Unsubscribable {
  private attempt: number;
  private samples: readonly PacingSample[];
  private operation: Operation | undefined;
  private retryAfterMs: number | undefined;
  private failures = 0;
  private emitted: Operation | undefined;
  private timer: Subscription | undefined;
  private deadline = Infinity;
  private inFlight: AbortController | undefined;
  private stopped = false;

  constructor(
    private readonly subscriber: Subscriber<Operation>,
    private readonly setup: PollSetup,
    start: PollStart,
  ) {
    ({ attempt: this.attempt, samples: this.samples, operation: this.operation } = start);
    this.retryAfterMs = start.retryAfterMs;
  }

  begin(start: PollStart): void {
    const { options, scheduler } = this.setup;
    const external = options.signal;
    if (external?.aborted) return this.subscriber.error(abortReason(external));
    if (external) {
      allowManyListeners(external);
      external.addEventListener("abort", this, { once: true });
    }
    this.deadline = start.deadline ?? deadlineOf(options.timeout, scheduler.now());
    // What the caller's functions throw here (onResumeToken) ends the run, its abort listener included.
    try {
      if (start.notBefore === undefined) this.decide();
      else this.schedule({ delay: Math.max(0, start.notBefore - scheduler.now()), reason: "first" });
    } catch (error) {
      this.fail(error);
    }
  }

  /** The external signal aborted. */
  handleEvent(): void {
    this.fail(abortReason(this.setup.options.signal!));
  }

  unsubscribe(): void {
    this.stop();
  }

  poll(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const { monitor, options, overrides, now } = this.setup;
    const controller = new AbortController();
    this.inFlight = controller;
    // Every option named (a new one fails to compile until it is passed): one object shape for every poll,
    // instead of copying the caller's options on each.
    const request: { [Name in keyof Required<PollMonitorOptions>]: PollMonitorOptions[Name] } = {
      transport: options.transport,
      headers: Object.hasOwn(overrides, "headers") ? overrides.headers : options.headers,
      getAuthorization: options.getAuthorization,
      requestUrl: Object.hasOwn(overrides, "requestUrl") ? overrides.requestUrl : options.requestUrl,
      trustedOrigins: options.trustedOrigins,
      kind: Object.hasOwn(overrides, "kind") ? overrides.kind : options.kind,
      signal: controller.signal,
      previous: this.operation,
      now,
    };
    pollMonitorAt(monitor, request).then(this.answered, this.failed);
  }

  // Made once per run, not per poll. What the caller's functions throw while an answer is read (an
  // interval function, onResumeToken) ends the poll with that error instead of leaving it waiting for
  // ever on an unhandled rejection.
  private readonly answered = (answer: MonitorAnswer): void => {
    try {
      this.onAnswer(answer);
    } catch (error) {
      this.fail(error);
    }
  };
  private readonly failed = (failure: unknown): void => {
    try {
      this.onFailure(failure);
    } catch (error) {
      this.fail(error);
    }
  };

  timeOut(): void {
    const { monitorUrl } = this.setup;
    this.fail(new PollTimeoutError({ monitorUrl, deadline: this.deadline, lastOperation: this.operation }));
  }

  private onAnswer(answer: MonitorAnswer): void {
    this.inFlight = undefined;
    if (this.stopped) return;
    const { operation } = answer;
    this.operation = operation;
    this.retryAfterMs = answer.retryAfterMs;
    this.attempt += 1;
    this.failures = 0;
    this.samples = appendPacingSample(this.samples, toPacingSample(operation, answer.receivedAt));
    if (snapshotChanged(this.emitted, operation)) {
      this.emitted = operation;
      this.subscriber.next(operation);
    }
    if (operation.status === "succeeded") {
      this.stop();
      this.subscriber.complete();
    } else if (operation.status === "failed") this.fail(new OperationFailedError(operation));
    else this.decide();
  }

  private onFailure(error: unknown): void {
    this.inFlight = undefined;
    if (this.stopped) return;
    const transient = transientFailure(error);
    this.failures += 1;
    if (transient === undefined || this.failures > this.setup.maxRetries) return this.fail(error);
    this.retryAfterMs = transient.retryAfterMs;
    this.decide();
  }

  private decide(): void {
    const { attempt, samples, operation, retryAfterMs, failures } = this;
    const now = this.setup.scheduler.now();
    const input = { now, attempt, samples, operation, retryAfterMs, consecutiveFailures: failures };
    this.schedule(nextPoll(input, this.setup.policy));
  }

  private schedule({ delay }: PollDecision): void {
    if (this.stopped) return;
    const { options, scheduler, monitorUrl, requestUrl, kind } = this.setup;
    options.onResumeToken?.({
      version: 1,
      monitorUrl,
      ...(requestUrl === undefined ? {} : { requestUrl }),
      ...(kind === undefined ? {} : { kind }),
      ...(this.operation === undefined ? {} : { operation: this.operation }),
      samples: [...this.samples],
      attempt: this.attempt,
      nextPollAt: scheduler.now() + delay,
    });
    // One timer per operation: for the next poll, or for the deadline when that comes first.
    const untilDeadline = this.deadline - scheduler.now();
    this.timer =
      untilDeadline < delay
        ? scheduler.schedule(deadlinePassed, Math.max(0, untilDeadline), this)
        : scheduler.schedule(pollDue, delay, this);
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.stop();
    this.subscriber.error(error);
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.inFlight?.abort();
    this.timer?.unsubscribe();
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
