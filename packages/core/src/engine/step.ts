import { OperationFailedError } from "../errors/operation-failed-error.js";
import { PollTimeoutError } from "../errors/poll-timeout-error.js";
import type { Operation } from "../models/operation.js";
import type { MonitorAnswer } from "../poller/monitor-answer.js";
import { nextPoll } from "../poller/pacing.js";
import { pushPacingSample, toPacingSample } from "../poller/pacing-sample.js";
import { snapshotChanged } from "../poller/snapshot-changed.js";
import type { EnginePolicy } from "./engine-policy.js";
import type { EngineState } from "./engine-state.js";
import { failureKind, troubleAfter } from "./failure-kind.js";
import type { MonitorReading, StepEnd, StepResult } from "./step-result.js";

function ended(state: EngineState, end: StepEnd, changed: boolean, emit?: Operation): StepResult {
  return { state, changed, end, ...(emit === undefined ? {} : { emit }) };
}

function deadlineEnd(state: EngineState, deadline: number): StepEnd {
  const error = new PollTimeoutError({
    monitorUrl: state.monitorUrl,
    deadline,
    lastOperation: state.operation,
  });
  return { outcome: "deadline", error };
}

const passed = (state: EngineState, now: number) => state.deadline !== undefined && now >= state.deadline;

/** The state scheduled for its next poll by `nextPoll`. */
function scheduled(
  state: EngineState,
  policy: EnginePolicy,
  now: number,
  changed: boolean,
  emit?: Operation,
): StepResult {
  const decision = nextPoll(
    {
      now,
      attempt: state.attempt,
      samples: state.samples,
      operation: state.operation,
      retryAfterMs: state.retryAfterMs,
      consecutiveFailures: state.trouble?.polls ?? 0,
      unchangedSince: state.unchangedSince,
    },
    policy,
  );
  state.nextPollAt = now + decision.delay;
  const result: StepResult = { state, changed, nextPollAt: state.nextPollAt, reason: decision.reason };
  if (emit !== undefined) result.emit = emit;
  return result;
}

function answered(state: EngineState, answer: MonitorAnswer, policy: EnginePolicy, now: number): StepResult {
  const { operation } = answer;
  const snapshotIsNew =
    state.attempt === 0 || state.operation === undefined || snapshotChanged(state.operation, operation);
  const changed = snapshotIsNew || state.trouble !== undefined;
  // The state is the driver's own (see `advance`): updated in place, so a poll leaves no copy behind.
  state.unchangedSince = snapshotIsNew ? answer.receivedAt : (state.unchangedSince ?? answer.receivedAt);
  state.operation = operation;
  state.samples = pushPacingSample(state.samples, toPacingSample(operation, answer.receivedAt));
  state.attempt += 1;
  state.failures = 0;
  if (state.trouble !== undefined) delete state.trouble;
  if (answer.retryAfterMs !== undefined) state.retryAfterMs = answer.retryAfterMs;
  else if (state.retryAfterMs !== undefined) delete state.retryAfterMs;
  const emit = snapshotIsNew ? operation : undefined;
  if (operation.status === "succeeded") return ended(state, { outcome: "succeeded", operation }, true, emit);
  if (operation.status === "failed")
    return ended(
      state,
      { outcome: "failed", operation, error: new OperationFailedError(operation) },
      true,
      emit,
    );
  if (passed(state, now)) return ended(state, deadlineEnd(state, state.deadline!), true, emit);
  return scheduled(state, policy, now, changed, emit);
}

function failed(state: EngineState, error: unknown, policy: EnginePolicy, now: number): StepResult {
  const failure = failureKind(error);
  if (failure.kind === "final") return ended(state, { outcome: "rejected", error }, true);
  const changed = state.trouble?.kind !== failure.kind;
  state.trouble = troubleAfter(state.trouble, failure.kind, error, now);
  if (failure.kind !== "throttled") state.failures += 1;
  if (failure.retryAfterMs !== undefined) state.retryAfterMs = failure.retryAfterMs;
  else if (state.retryAfterMs !== undefined) delete state.retryAfterMs;
  if (state.failures > policy.maxRetries) return ended(state, { outcome: "exhausted", error }, true);
  if (passed(state, now)) return ended(state, deadlineEnd(state, state.deadline!), true);
  return scheduled(state, policy, now, changed);
}

/** A copy of `state` that `advance` may change without touching the original (its samples included). */
export function copyEngineState(state: EngineState): EngineState {
  return { ...state, samples: [...state.samples] };
}

/**
 * THE decision of polling, PURE: from the state (the resume token) and what the last poll brought, the
 * next state, the snapshot to emit, when to poll next and whether the following ended. Every driver (the
 * RxJS poller, a server that keeps the state in a database row) calls this and keeps no rule of its own.
 *
 * - An answer resets the failures; `succeeded`/`failed` end it; else `nextPoll` paces the next poll.
 * - Throttling (429, 503, a Retry-After) is trouble of kind `throttled`: polled again exactly at its
 *   Retry-After (capped by `maxRetryAfter`), never counted toward `maxRetries`.
 * - Other transient failures are trouble of kind `unreachable`: backoff where the server gave no
 *   Retry-After, and `maxRetries` of them in a row end it (`exhausted`).
 * - Anything else ends it (`rejected`); so does the deadline (`deadline`), checked on every reading.
 * `state` is not changed: the result holds a new one.
 */
export function step(
  state: EngineState,
  reading: MonitorReading,
  policy: EnginePolicy,
  now: number,
): StepResult {
  return advance(copyEngineState(state), reading, policy, now);
}

/**
 * `step` on a state the caller owns and no one else sees: `state` itself (its samples array included) is
 * updated and returned as the result's state, so a driver that keeps one state for the whole following
 * allocates no new state on each poll. Hand out copies (`copyEngineState`), never the state itself.
 */
export function advance(
  state: EngineState,
  reading: MonitorReading,
  policy: EnginePolicy,
  now: number,
): StepResult {
  switch (reading.type) {
    case "answer":
      return answered(state, reading.answer, policy, now);
    case "failure":
      return failed(state, reading.error, policy, now);
    case "deadline":
      return ended(state, deadlineEnd(state, state.deadline ?? now), true);
  }
}

/**
 * Schedules the first poll of a state made by `initialEngineState` (or read back without a due time):
 * at once, or after the start answer's Retry-After (capped by `maxRetryAfter`).
 */
export function firstPoll(state: EngineState, policy: EnginePolicy, now: number): StepResult {
  return scheduled({ ...state }, policy, now, false);
}

/** What the driver must do next and when: poll at `nextPollAt`, or end at the deadline if that is earlier. */
export function nextWake(state: EngineState): { at: number; action: "poll" | "deadline" } {
  if (state.deadline !== undefined && state.deadline < state.nextPollAt)
    return { at: state.deadline, action: "deadline" };
  return { at: state.nextPollAt, action: "poll" };
}
