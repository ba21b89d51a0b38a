import { fullJitterBackoff } from "@lro/core";

export interface ReconnectPolicy {
  /** Delay ceiling of the first retry, in milliseconds. */
  initialDelayMs: number;
  /** The ceiling never grows past this. */
  maxDelayMs: number;
}

export const defaultReconnectPolicy: ReconnectPolicy = { initialDelayMs: 500, maxDelayMs: 15_000 };

/**
 * PURE: the wait before reconnection attempt `attempt` (1, 2, ...): @lro/core's full-jitter exponential
 * backoff (the one backoff rule of the project), never shorter than the stream's own `retry:` hint.
 */
export function reconnectDelay(
  attempt: number,
  policy: ReconnectPolicy,
  random: () => number,
  serverHintMs = 0,
): number {
  const backoff = fullJitterBackoff(
    attempt,
    { initialDelay: policy.initialDelayMs, maxDelay: policy.maxDelayMs },
    random,
  );
  return Math.max(serverHintMs, backoff);
}
