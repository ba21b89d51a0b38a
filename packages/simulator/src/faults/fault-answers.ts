import type { Exchange } from "../http/exchange.js";
import { formatRetryAfter } from "../http/retry-after.js";
import type { MonitorErrorFault, ResolvedScenario, ThrottleFault } from "../scenario/scenario.js";

const monitorErrors = {
  401: { code: "unauthenticated", message: "The caller is not authenticated for this operation monitor." },
  403: { code: "accessDenied", message: "The caller is not allowed to read this operation monitor." },
  404: { code: "itemNotFound", message: "The operation was not found; it may have expired." },
  500: { code: "generalException", message: "An unexpected error occurred while reading the operation." },
} as const;

export function sendMonitorError(exchange: Exchange, fault: MonitorErrorFault): void {
  const { code, message } = monitorErrors[fault.status];
  exchange.sendError(fault.status, code, message);
}

/** A 429 or 503 in Graph's throttling shape, with Retry-After when the fault names one. */
export function sendThrottled(exchange: Exchange, fault: ThrottleFault, scenario: ResolvedScenario): void {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) {
    headers["retry-after"] = formatRetryAfter(
      fault.retryAfterSeconds,
      scenario.retryAfterFormat,
      exchange.now,
    );
  }
  if (fault.status === 429) {
    exchange.sendError(429, "TooManyRequests", "Please retry again later.", headers);
  } else {
    exchange.sendError(
      503,
      "serviceNotAvailable",
      "The service is temporarily unavailable; retry later.",
      headers,
    );
  }
}

/** Cuts valid JSON in half so that it no longer parses. */
export function malformedBody(body: unknown): string {
  const text = JSON.stringify(body ?? { status: "inProgress" });
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
