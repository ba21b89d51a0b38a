import type { SchedulerLike } from "rxjs";
import type { OperationKind } from "../models/operation-kind.js";
import type { PacingPolicy } from "./pacing-policy.js";
import type { AuthorizationOptions } from "./request-headers.js";
import type { ResumeToken } from "./resume-token.js";
import type { Transport } from "./transport.js";

/**
 * How to follow an operation. Shaped like RxJS's own config objects: a plain object whose `scheduler`
 * runs every delay, so tests drive it on virtual time. Durations are in milliseconds.
 */
export interface PollOptions extends AuthorizationOptions, Partial<PacingPolicy> {
  /**
   * Failed polls in a row before giving up (no answer, 408/500/502/504 without Retry-After, a body that is
   * not an operation). Throttling (429, 503, any answer with a Retry-After) never counts. Default 5.
   */
  maxRetries?: number | undefined;
  /**
   * A deadline: ms after subscribing, or a `Date`. Passing it errors with `PollTimeoutError`; a request in
   * flight at that moment may finish first (its answer wins if it ends the operation).
   */
  timeout?: number | Date | undefined;
  /** Aborting stops at once: no further request, the one in flight aborted, an error with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Runs every delay and tells the time. Default `asyncScheduler`. */
  scheduler?: SchedulerLike | undefined;
  /** Default: one shared undici keep-alive pool (see `createTransport`). */
  transport?: Transport | undefined;
  /** Reads every answer as this flavour instead of detecting it. */
  kind?: OperationKind | undefined;
  /**
   * Called after every answer with a token to resume from, should the process stop: the engine's state,
   * `trouble` included while the monitor is throttled or unreachable.
   */
  onResumeToken?: ((token: ResumeToken) => void) | undefined;
}
