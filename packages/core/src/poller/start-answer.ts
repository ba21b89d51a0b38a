import { MissingMonitorError } from "../errors/missing-monitor-error.js";
import type { OperationKind } from "../models/operation-kind.js";
import type { Operation } from "../models/operation.js";
import { resolveMonitorUrl } from "./monitor-url.js";
import { parseRetryAfter } from "./retry-after.js";
import type { TransportResponse } from "./transport.js";
import { upstreamAnswerError } from "./upstream-answer-error.js";

/** What the initial request's answer means: finished at once, or a monitor to poll. */
export type StartAnswer = { finished: Operation } | { monitorUrl: URL; retryAfterMs: number | undefined };

function readJsonObject(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function finishedOperation(response: TransportResponse, requestUrl: URL, kind: OperationKind | undefined) {
  const raw = readJsonObject(response.body);
  const location = response.headers["location"] ?? response.headers["content-location"];
  const operation: Operation = {
    kind: kind ?? "longRunningOperation",
    status: "succeeded",
    rawStatus: "succeeded",
    raw,
  };
  if (location) operation.resourceLocation = resolveMonitorUrl(location, requestUrl).href;
  if (typeof raw["id"] === "string") operation.resourceId = raw["id"];
  return operation;
}

/**
 * Reads the answer to the request that starts an operation: 200, 201 or 204 means finished now (the
 * result named by Location or Content-Location); 202 names the monitor in Operation-Location or Location
 * (resolved against the request, keeping its version); anything else throws.
 */
export function readStartAnswer(
  response: TransportResponse,
  context: { requestUrl: URL; receivedAt: number; kind?: OperationKind | undefined },
): StartAnswer {
  const { status, headers } = response;
  if (status === 200 || status === 201 || status === 204)
    return { finished: finishedOperation(response, context.requestUrl, context.kind) };
  const retryAfterMs = parseRetryAfter(headers["retry-after"], context.receivedAt);
  if (status === 202) {
    const monitor = headers["operation-location"] ?? headers["location"];
    if (!monitor) throw new MissingMonitorError({ requestUrl: context.requestUrl.href, httpStatus: status });
    return { monitorUrl: resolveMonitorUrl(monitor, context.requestUrl), retryAfterMs };
  }
  throw upstreamAnswerError(context.requestUrl.href, response, retryAfterMs);
}
