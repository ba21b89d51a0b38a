import type { RetryAfterFormat } from "../scenario/scenario.js";

/** A Retry-After value: seconds as given (integer or fractional), or an HTTP-date rounded up to a whole second. */
export function formatRetryAfter(seconds: number, format: RetryAfterFormat, now: number): string {
  if (format === "seconds") return String(seconds);
  return new Date(Math.ceil((now + seconds * 1000) / 1000) * 1000).toUTCString();
}
