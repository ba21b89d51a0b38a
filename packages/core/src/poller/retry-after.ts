import { parseHttpDate } from "./http-date.js";

const seconds = /^\d+(?:\.\d+)?$/;

/**
 * A `Retry-After` value as a delay in milliseconds from `now` (epoch ms): integer seconds (`120`),
 * fractional seconds as Graph sends them (`2.128`) or an HTTP-date (a date in the past is 0).
 * Anything else, including negative numbers, is `undefined`: the caller paces as if there were no header.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (seconds.test(text)) {
    // Rounded to the microsecond first, so 2.128 s is 2128 ms and not 2129 through floating-point error.
    const milliseconds = Math.ceil(Math.round(Number(text) * 1_000_000) / 1000);
    return Number.isFinite(milliseconds) ? milliseconds : undefined;
  }
  const date = parseHttpDate(text, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}
