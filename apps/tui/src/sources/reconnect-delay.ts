export interface ReconnectPolicy {
  /** Delay ceiling of the first retry, in milliseconds. */
  initialDelayMs: number;
  /** The ceiling never grows past this. */
  maxDelayMs: number;
}

export const defaultReconnectPolicy: ReconnectPolicy = { initialDelayMs: 500, maxDelayMs: 15_000 };

/**
 * PURE: the wait before reconnection attempt `attempt` (1, 2, ...): exponential backoff with "equal jitter"
 * (half fixed, half random), so retries spread out yet never hammer the proxy with zero delays.
 * A `retry:` hint from the stream raises the ceiling's floor.
 */
export function reconnectDelay(
  attempt: number,
  policy: ReconnectPolicy,
  random: () => number,
  serverHintMs?: number,
): number {
  const base = Math.max(policy.initialDelayMs, serverHintMs ?? 0);
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
