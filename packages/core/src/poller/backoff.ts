export interface BackoffConfig {
  /** The ceiling of the first retry's delay (ms). */
  initialDelay: number;
  /** The largest ceiling, however many failures (ms). */
  maxDelay: number;
}

/**
 * "Full jitter" exponential backoff: a delay drawn uniformly from [0, min(maxDelay, initialDelay * 2^(n-1)))
 * for the n-th consecutive failure, so many clients that failed together do not retry together.
 * `random` returns a number in [0, 1), like `Math.random`.
 */
export function fullJitterBackoff(failures: number, config: BackoffConfig, random: () => number): number {
  const exponent = Math.max(0, failures - 1);
  const ceiling = Math.min(config.maxDelay, config.initialDelay * 2 ** Math.min(exponent, 52));
  return Math.floor(random() * ceiling);
}
