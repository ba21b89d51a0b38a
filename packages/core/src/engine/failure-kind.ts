import { LroError } from "../errors/lro-error.js";
import { UpstreamHttpError } from "../errors/upstream-http-error.js";
import { transientFailure } from "../poller/transient-failure.js";
import type { MonitorTrouble, MonitorTroubleKind } from "./monitor-trouble.js";

/** Statuses that say "busy", not "broken": never counted toward giving up. */
const throttlingStatuses: ReadonlySet<number> = new Set([429, 503]);

/** How a failed poll counts: a kind of trouble worth another try (with its Retry-After), or final. */
export type FailureKind = { kind: MonitorTroubleKind; retryAfterMs: number | undefined } | { kind: "final" };

/**
 * Throttled: 429, 503, or any transient answer carrying a Retry-After. Unreachable: another transient
 * failure (no answer, 408/5xx, a body that is not an operation). Final: anything else (404, 401/403,
 * other 4xx, an error that is not core's).
 */
export function failureKind(error: unknown): FailureKind {
  const transient = transientFailure(error);
  if (transient === undefined) return { kind: "final" };
  const throttled =
    UpstreamHttpError.isInstance(error) &&
    (throttlingStatuses.has(error.httpStatus) || error.retryAfterMs !== undefined);
  return { kind: throttled ? "throttled" : "unreachable", retryAfterMs: transient.retryAfterMs };
}

const longestMessage = 2000;

/** The trouble after one more failure of `kind`, continuing `previous` (the same run of failures). */
export function troubleAfter(
  previous: MonitorTrouble | undefined,
  kind: MonitorTroubleKind,
  error: unknown,
  now: number,
): MonitorTrouble {
  const message = error instanceof Error ? error.message : String(error);
  const trouble: MonitorTrouble = {
    kind,
    since: previous?.since ?? now,
    polls: (previous?.polls ?? 0) + 1,
    code: LroError.isInstance(error) ? error.code : "unknown",
    message: message.length > longestMessage ? `${message.slice(0, longestMessage - 1)}…` : message,
  };
  if (UpstreamHttpError.isInstance(error)) trouble.httpStatus = error.httpStatus;
  return trouble;
}
