import { asyncScheduler, Observable } from "rxjs";
import type { Subscription } from "rxjs";
import { OperationFailedError } from "../errors/operation-failed-error.js";
import { PollTimeoutError } from "../errors/poll-timeout-error.js";
import type { Operation } from "../models/operation.js";
import type { MonitorAnswer } from "./monitor-answer.js";
import { nextPoll } from "./pacing.js";
import type { PollDecision } from "./pacing.js";
import { createPacingPolicy } from "./pacing-policy.js";
import { appendPacingSample, toPacingSample } from "./pacing-sample.js";
import type { PacingSample } from "./pacing-sample.js";
import { pollMonitor } from "./poll-monitor.js";
import { defaultMaxRetries } from "./poll-options.js";
import type { PollOptions } from "./poll-options.js";
import { allowManyListeners } from "./shared-signal.js";
import { snapshotChanged } from "./snapshot-changed.js";
import { transientFailure } from "./transient-failure.js";

/** Where a poll starts: from nothing, after a 202's Retry-After, or from a resume token. */
export interface PollStart {
  attempt: number;
  samples: readonly PacingSample[];
  operation?: Operation | undefined;
  retryAfterMs?: number | undefined;
  /** Epoch ms before which the first poll must not be sent. */
  notBefore?: number | undefined;
}

/** The monitor's address as a URL; a clear error for anything that is not an absolute URL. */
export function monitorAddress(monitorUrl: string | URL): URL {
  if (monitorUrl instanceof URL) return monitorUrl;
  if (!URL.canParse(monitorUrl))
    throw new TypeError(
      `The monitor address ${JSON.stringify(monitorUrl)} is not an absolute URL; resolve a relative Location with resolveMonitorUrl(location, requestUrl)`,
    );
  return new URL(monitorUrl);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The poll was aborted", "AbortError");
}

/**
 * The poll loop shared by pollOperation, startOperation and resumeOperation: one pending timer or one
 * request in flight at a time, every decision taken by `nextPoll`.
 */
export function runPoll(monitorUrl: URL, options: PollOptions, start: PollStart): Observable<Operation> {
  return new Observable<Operation>((subscriber) => {
    const scheduler = options.scheduler ?? asyncScheduler;
    const policy = createPacingPolicy(options);
    const maxRetries = options.maxRetries ?? defaultMaxRetries;
    const controller = new AbortController();
    const external = options.signal;
    let { attempt, samples, operation, retryAfterMs } = start;
    let failures = 0;
    let emitted: Operation | undefined;
    let timer: Subscription | undefined;
    let deadlineTimer: Subscription | undefined;
    let stopped = false;

    const stop = () => {
      stopped = true;
      controller.abort();
      timer?.unsubscribe();
      deadlineTimer?.unsubscribe();
      external?.removeEventListener("abort", onAbort);
    };
    const fail = (error: unknown) => {
      if (stopped) return;
      stop();
      subscriber.error(error);
    };
    function onAbort() {
      fail(abortReason(external!));
    }

    const schedule = (decision: PollDecision) => {
      if (stopped) return;
      const { delay } = decision;
      options.onResumeToken?.({
        version: 1,
        monitorUrl: monitorUrl.href,
        ...(options.requestUrl === undefined ? {} : { requestUrl: new URL(options.requestUrl).href }),
        ...(options.kind === undefined ? {} : { kind: options.kind }),
        ...(operation === undefined ? {} : { operation }),
        samples: [...samples],
        attempt,
        nextPollAt: scheduler.now() + delay,
      });
      timer = scheduler.schedule(poll, delay);
    };
    const decide = () =>
      schedule(
        nextPoll(
          { now: scheduler.now(), attempt, samples, operation, retryAfterMs, consecutiveFailures: failures },
          policy,
        ),
      );

    const onAnswer = (answer: MonitorAnswer) => {
      if (stopped) return;
      ({ operation, retryAfterMs } = answer);
      attempt += 1;
      failures = 0;
      samples = appendPacingSample(samples, toPacingSample(answer.operation, answer.receivedAt));
      if (snapshotChanged(emitted, answer.operation)) {
        emitted = answer.operation;
        subscriber.next(answer.operation);
      }
      if (answer.operation.status === "succeeded") {
        stop();
        subscriber.complete();
      } else if (answer.operation.status === "failed") fail(new OperationFailedError(answer.operation));
      else decide();
    };
    const onFailure = (error: unknown) => {
      if (stopped) return;
      const transient = transientFailure(error);
      failures += 1;
      if (transient === undefined || failures > maxRetries) return fail(error);
      retryAfterMs = transient.retryAfterMs;
      decide();
    };
    function poll() {
      timer = undefined;
      if (stopped) return;
      pollMonitor(monitorUrl, {
        ...options,
        signal: controller.signal,
        previous: operation,
        now: () => scheduler.now(),
      }).then(onAnswer, onFailure);
    }

    if (external?.aborted) {
      subscriber.error(abortReason(external));
      return;
    }
    if (external) {
      allowManyListeners(external);
      external.addEventListener("abort", onAbort, { once: true });
    }
    if (options.timeout !== undefined) {
      const deadline =
        options.timeout instanceof Date ? options.timeout.getTime() : scheduler.now() + options.timeout;
      const timeout = () =>
        fail(new PollTimeoutError({ monitorUrl: monitorUrl.href, deadline, lastOperation: operation }));
      deadlineTimer = scheduler.schedule(timeout, Math.max(0, deadline - scheduler.now()));
    }
    if (start.notBefore === undefined) decide();
    else schedule({ delay: Math.max(0, start.notBefore - scheduler.now()), reason: "first" });
    return stop;
  });
}
