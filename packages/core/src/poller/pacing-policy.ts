import type { Operation } from "../models/operation.js";

/** How often to poll: a fixed delay (ms) or a function of the last snapshot and the number of answers so far. */
export type PollInterval = number | ((operation: Operation | undefined, attempt: number) => number);

/** The rules `nextPoll` applies. Every duration is in milliseconds. */
export interface PacingPolicy {
  /** The delay between polls while no rate of progress is known. */
  interval: PollInterval;
  /** The shortest delay after a successful answer. */
  minInterval: number;
  /**
   * The longest delay the poller chooses itself (interval, estimate, backoff, and the ceiling an unchanging
   * monitor backs off to). A Retry-After is capped by `maxRetryAfter` instead.
   */
  maxDelay: number;
  /** The longest Retry-After obeyed: a server asking for more is polled after this long. */
  maxRetryAfter: number;
  /**
   * How much an unchanging monitor without Retry-After slows down: the delay is at least this fraction of
   * the time since the last change (so a detection arrives at most that fraction late), up to `maxDelay`.
   * 0 keeps the interval for ever.
   */
  unchangedGrowth: number;
  /** Whether to schedule polls from the rate of `percentComplete` (adaptive pacing). */
  adaptive: boolean;
  /** How late after the estimated finish a poll may land, as a fraction of the operation's observed duration. */
  adaptiveTolerance: number;
  /** The most that tolerance may be in ms, however long the operation (never below `minInterval`). */
  adaptiveMaxLag: number;
  /**
   * The longest adaptive delay, as a multiple of how long the operation has run (never below `interval`):
   * progress is not always linear, and this bounds how far past the finish a wrong estimate can poll.
   */
  adaptiveGrowth: number;
  /** The ceiling of the first retry's delay after a transient failure; doubles with each further failure. */
  retryDelay: number;
  /** Returns a number in [0, 1) for the backoff's jitter. */
  random: () => number;
}

/** The defaults: tuned so operations of a few seconds that report progress finish with ~3-4 polls and < 100 ms lag. */
export const defaultPacingPolicy: Readonly<PacingPolicy> = Object.freeze({
  interval: 1000,
  minInterval: 50,
  maxDelay: 60_000,
  maxRetryAfter: 300_000,
  unchangedGrowth: 0.25,
  adaptive: true,
  adaptiveTolerance: 0.01,
  adaptiveMaxLag: 200,
  adaptiveGrowth: 2,
  retryDelay: 500,
  random: Math.random,
});

function requireDuration(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be a finite number of milliseconds >= 0, got ${value}`);
}

/** A complete policy: `options` over the defaults, checked. */
export function createPacingPolicy(options: Partial<PacingPolicy> = {}): PacingPolicy {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const policy: PacingPolicy = { ...defaultPacingPolicy, ...defined };
  if (typeof policy.interval === "number") requireDuration("interval", policy.interval);
  requireDuration("minInterval", policy.minInterval);
  requireDuration("maxDelay", policy.maxDelay);
  requireDuration("retryDelay", policy.retryDelay);
  requireDuration("maxRetryAfter", policy.maxRetryAfter);
  requireDuration("adaptiveMaxLag", policy.adaptiveMaxLag);
  if (!(policy.unchangedGrowth >= 0 && policy.unchangedGrowth <= 1))
    throw new RangeError(`unchangedGrowth must be a fraction between 0 and 1, got ${policy.unchangedGrowth}`);
  if (policy.minInterval > policy.maxDelay)
    throw new RangeError(`minInterval (${policy.minInterval}) must not exceed maxDelay (${policy.maxDelay})`);
  if (!(policy.adaptiveTolerance >= 0 && policy.adaptiveTolerance <= 1))
    throw new RangeError(
      `adaptiveTolerance must be a fraction between 0 and 1, got ${policy.adaptiveTolerance}`,
    );
  if (!(policy.adaptiveGrowth > 0))
    throw new RangeError(`adaptiveGrowth must be > 0, got ${policy.adaptiveGrowth}`);
  return policy;
}
