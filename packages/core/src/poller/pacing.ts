import type { Operation } from "../models/operation.js";
import { fullJitterBackoff } from "./backoff.js";
import { estimateCompletion } from "./completion-estimate.js";
import type { PacingPolicy } from "./pacing-policy.js";
import type { PacingSample } from "./pacing-sample.js";

/** Everything `nextPoll` decides from; plain data, so a scheduler may keep it in a database row. */
export interface PacingInput {
  /** The current time on the clock that will run the delay (epoch ms). */
  now: number;
  /** Successful answers so far (0 before the first poll). */
  attempt: number;
  /** Recent answers, oldest first (see `appendPacingSample`). */
  samples: readonly PacingSample[];
  /** The last snapshot, passed to an `interval` function. */
  operation?: Operation | undefined;
  /** The last answer's Retry-After (ms), successful or not. */
  retryAfterMs?: number | undefined;
  /** Failed polls since the last successful answer (0 after a success), throttled ones included. */
  consecutiveFailures: number;
  /** Since when the answers have shown no change (epoch ms): an unchanging monitor is polled less often. */
  unchangedSince?: number | undefined;
}

/**
 * Why a delay was chosen: `first` (nothing to wait for), `interval` (no rate of progress known),
 * `adaptive` (near the finish estimated from progress), `overdue` (past the estimate, polling densely),
 * `retry-after` (the server asked for it), `backoff` (after a failure without Retry-After), `unchanged`
 * (the monitor has not changed for a while and gave no Retry-After: polled less often, up to `maxDelay`).
 */
export type PollReason =
  "first" | "interval" | "adaptive" | "overdue" | "retry-after" | "backoff" | "unchanged";

export interface PollDecision {
  /** Milliseconds from `now` until the next poll. */
  delay: number;
  reason: PollReason;
  /** The latest plausible finish, when progress gave one (epoch ms). */
  estimatedFinishAt?: number;
}

/** However long the operation, an adaptive poll lands at most this many intervals after the finish. */
const toleranceIntervals = 5;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function intervalOf(input: PacingInput, policy: PacingPolicy): number {
  const interval =
    typeof policy.interval === "function" ? policy.interval(input.operation, input.attempt) : policy.interval;
  if (!Number.isFinite(interval) || interval < 0)
    throw new RangeError(`The interval function returned ${interval}; it must return milliseconds >= 0`);
  return interval;
}

function afterAnswer(input: PacingInput, policy: PacingPolicy): PollDecision {
  const interval = intervalOf(input, policy);
  const fixed: PollDecision = {
    delay: clamp(interval, policy.minInterval, policy.maxDelay),
    reason: "interval",
  };
  if (!policy.adaptive) return fixed;
  const { now } = input;
  // Past every plausible finish: poll densely at first, then less often, up to the interval.
  const overdue = (since: number) =>
    clamp((now - since) / 2, policy.minInterval, Math.max(policy.minInterval, interval));
  const complete = input.samples.find((sample) => (sample.percentComplete ?? 0) >= 100);
  if (complete && (input.samples.at(-1)?.percentComplete ?? 0) >= 100)
    return { delay: overdue(complete.receivedAt), reason: "overdue" };
  const estimate = estimateCompletion(input.samples);
  if (!estimate) return fixed;
  const estimated = Number.isFinite(estimate.latest) ? { estimatedFinishAt: estimate.latest } : {};
  if (now >= estimate.latest) return { delay: overdue(estimate.latest), reason: "overdue", ...estimated };
  let target: number;
  if (!Number.isFinite(estimate.latest)) target = Math.max(estimate.earliest, now + interval);
  else {
    const relative = policy.adaptiveTolerance * (estimate.earliest - estimate.since);
    const tolerance = Math.max(
      policy.minInterval,
      Math.min(relative, toleranceIntervals * interval, policy.adaptiveMaxLag),
    );
    // A narrow window: poll once it has surely finished. A wide one: poll early, to measure the rate again.
    target =
      estimate.latest - estimate.earliest <= tolerance
        ? estimate.latest
        : Math.max(estimate.earliest, now) + tolerance;
  }
  // Progress is not always linear: never wait more than `adaptiveGrowth` times what the operation has run.
  const ceiling = Math.max(interval, policy.adaptiveGrowth * (now - estimate.since), policy.minInterval);
  const delay = clamp(target - now, policy.minInterval, Math.min(policy.maxDelay, ceiling));
  return { delay, reason: "adaptive", ...estimated };
}

/** An unchanging monitor without Retry-After: at least `unchangedGrowth` of the time since the last change. */
function slowedWhileUnchanged(
  decision: PollDecision,
  input: PacingInput,
  policy: PacingPolicy,
): PollDecision {
  if (input.unchangedSince === undefined || policy.unchangedGrowth === 0) return decision;
  const patient = Math.min(policy.maxDelay, policy.unchangedGrowth * (input.now - input.unchangedSince));
  return patient > decision.delay ? { ...decision, delay: patient, reason: "unchanged" } : decision;
}

/**
 * PURE pacing: when to poll next.
 * - After a failed poll: exactly the Retry-After when the server gave one (capped by `maxRetryAfter`),
 *   else exponential backoff with full jitter (`retryDelay` doubling, up to `maxDelay`).
 * - After an answer: the adaptive estimate from progress, else the interval, within [minInterval,
 *   maxDelay]; never earlier than its Retry-After (capped by `maxRetryAfter`). Without a Retry-After, a
 *   monitor that has not changed for a while is polled less often (`unchangedGrowth`, up to `maxDelay`).
 */
export function nextPoll(input: PacingInput, policy: PacingPolicy): PollDecision {
  const asked =
    input.retryAfterMs === undefined ? undefined : Math.min(input.retryAfterMs, policy.maxRetryAfter);
  let decision: PollDecision;
  if (input.consecutiveFailures > 0) {
    const backoff = { initialDelay: policy.retryDelay, maxDelay: policy.maxDelay };
    decision =
      asked === undefined
        ? { delay: fullJitterBackoff(input.consecutiveFailures, backoff, policy.random), reason: "backoff" }
        : { delay: asked, reason: "retry-after" };
  } else {
    if (input.attempt === 0) decision = { delay: 0, reason: "first" };
    else decision = afterAnswer(input, policy);
    if (asked === undefined) decision = slowedWhileUnchanged(decision, input, policy);
    else if (asked > decision.delay) decision = { ...decision, delay: asked, reason: "retry-after" };
  }
  // Every decision above is a fresh object: rounded in place.
  decision.delay = Math.ceil(decision.delay);
  return decision;
}
