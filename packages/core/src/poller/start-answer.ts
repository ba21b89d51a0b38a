import { MissingMonitorError } from "../errors/missing-monitor-error.js";
import type { OperationKind } from "../models/operation-kind.js";
import type { Operation } from "../models/operation.js";
import { entityMonitorAddress } from "../models/monitor-addresses.js";
import { safeParseOperation } from "../models/parse-operation.js";
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
 * The monitor of a 200 or 201 whose body is an operation still under way (a call's media actions answer
 * 200 with a running `playPromptOperation` and its monitor in Location; `createSnapshot` answers 200 with
 * a job not started yet, whose address is its entity's): undefined for a finished answer. Only a status
 * word known to mean not started or running counts, so a created resource with a `status` of its own is
 * never taken for an operation.
 */
function monitorOfRunningBody(
  response: TransportResponse,
  kind: OperationKind | undefined,
): string | undefined {
  const body = readJsonObject(response.body);
  if (body["status"] === undefined) return undefined;
  const result = safeParseOperation(body, { kind });
  if (!result.success) return undefined;
  const operation = result.data;
  if (operation.status !== "notStarted" && operation.status !== "running") return undefined;
  const { headers } = response;
  return headers["operation-location"] ?? headers["location"] ?? entityMonitorAddress(operation);
}

/**
 * Reads the answer to the request that starts an operation: 200, 201 or 204 means finished now (the
 * result named by Location or Content-Location), unless its body is an operation still under way (then
 * its monitor is followed); 202 names the monitor in Operation-Location or Location (resolved against the
 * request, keeping its version); anything else throws.
 */
export function readStartAnswer(
  response: TransportResponse,
  context: { requestUrl: URL; receivedAt: number; kind?: OperationKind | undefined },
): StartAnswer {
  const { status, headers } = response;
  const retryAfterMs = parseRetryAfter(headers["retry-after"], context.receivedAt);
  if (status === 200 || status === 201) {
    const monitor = monitorOfRunningBody(response, context.kind);
    if (monitor !== undefined)
      return { monitorUrl: resolveMonitorUrl(monitor, context.requestUrl), retryAfterMs };
  }
  if (status === 200 || status === 201 || status === 204)
    return { finished: finishedOperation(response, context.requestUrl, context.kind) };
  if (status === 202) {
    const monitor = headers["operation-location"] ?? headers["location"];
    if (!monitor) throw new MissingMonitorError({ requestUrl: context.requestUrl.href, httpStatus: status });
    return { monitorUrl: resolveMonitorUrl(monitor, context.requestUrl), retryAfterMs };
  }
  throw upstreamAnswerError(context.requestUrl.href, response, retryAfterMs);
}
