import { createPacingPolicy } from "../poller/pacing-policy.js";
import type { PacingPolicy } from "../poller/pacing-policy.js";

/** Every rule `step` applies: pacing, and how many failures in a row end the following. */
export interface EnginePolicy extends PacingPolicy {
  /**
   * Failed polls in a row that end the following: no answer, 408/500/502/504 without Retry-After, a body
   * that is not an operation. Throttling (429, 503, any answer with a Retry-After) never counts.
   * `Infinity`: only the deadline stops it.
   */
  maxRetries: number;
}

export const defaultMaxRetries = 5;

function checkMaxRetries(maxRetries: number): void {
  if (!(maxRetries >= 0 && (Number.isInteger(maxRetries) || maxRetries === Infinity)))
    throw new RangeError(`maxRetries must be a whole number >= 0, got ${maxRetries}`);
}

/** A complete policy: `options` over the defaults, checked (a RangeError naming the first bad option). */
export function createEnginePolicy(
  options: Partial<PacingPolicy> & { maxRetries?: number | undefined } = {},
): EnginePolicy {
  const maxRetries = options.maxRetries ?? defaultMaxRetries;
  checkMaxRetries(maxRetries);
  return { ...createPacingPolicy(options), maxRetries };
}
