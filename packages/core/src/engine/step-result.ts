import type { OperationFailedError } from "../errors/operation-failed-error.js";
import type { PollTimeoutError } from "../errors/poll-timeout-error.js";
import type { Operation } from "../models/operation.js";
import type { MonitorAnswer } from "../poller/monitor-answer.js";
import type { PollReason } from "../poller/pacing.js";
import type { EngineState } from "./engine-state.js";

/** What the driver brings to `step`: the monitor's answer, the error of a failed poll, or the deadline. */
export type MonitorReading =
  { type: "answer"; answer: MonitorAnswer } | { type: "failure"; error: unknown } | { type: "deadline" };

/**
 * How the following ended: the operation `succeeded` or `failed` upstream; or it stopped without an
 * upstream end: `rejected` (a failure polling again cannot help: 404, 401/403, another 4xx, an unknown
 * error), `exhausted` (`maxRetries` failures in a row), `deadline` (the operation's deadline passed).
 */
export type StepEnd =
  | { outcome: "succeeded"; operation: Operation }
  | { outcome: "failed"; operation: Operation; error: OperationFailedError }
  | { outcome: "rejected"; error: unknown }
  | { outcome: "exhausted"; error: unknown }
  | { outcome: "deadline"; error: PollTimeoutError };

export type StepOutcome = StepEnd["outcome"];

/** One decision of polling. */
export interface StepResult {
  /** The state to keep (and to persist: it is the resume token). */
  state: EngineState;
  /** The snapshot, when it differs from the last one in what a follower sees. */
  emit?: Operation;
  /**
   * Whether anything a follower sees changed: the snapshot, the monitor's trouble (begun, of another
   * kind, or over), or the end.
   */
  changed: boolean;
  /** When to poll next (epoch ms); absent once ended. Equal to `state.nextPollAt`. */
  nextPollAt?: number;
  /** Why that delay. */
  reason?: PollReason;
  /** Set when the following is over: nothing more to poll. */
  end?: StepEnd;
}
