import type { Exchange } from "../http/exchange.js";
import { renderAsyncJobStatus } from "../flavours/async-job-status.js";
import type { SimulatorState } from "../simulator-state.js";
import { answerMonitor } from "./answer-monitor.js";
import { sendNotFound } from "./dispatch.js";
import { findOperation } from "./monitor-route.js";
import { decodePath } from "./odata-path.js";

const monitorPattern = /^\/_api\/v2\.0\/monitor\/([^/]+)$/;

/**
 * The second origin, like SharePoint's monitor host for driveItem copies: needs no token, and records
 * whether a request carried an Authorization header anyway (a client must not send its Graph token here).
 */
export async function handleMonitorOrigin(state: SimulatorState, exchange: Exchange): Promise<void> {
  const decoded = decodePath(exchange.request.url ?? "/");
  const path = decoded.success ? decoded.path : "";
  const match = monitorPattern.exec(path);
  if (match === null) return sendNotFound(exchange, path);
  exchange.route = "monitor.asyncJobStatus";
  const id = match[1] ?? "";
  const operation = findOperation(state, id, ["asyncJobStatus"]);
  if (operation !== undefined && exchange.header("authorization") !== undefined)
    operation.authorizationSeen = true;
  if (exchange.request.method !== "GET") {
    exchange.route = "methodNotAllowed";
    const message = `${exchange.request.method ?? ""} is not supported on a monitor; use GET.`;
    return exchange.sendError(405, "methodNotAllowed", message, { allow: "GET" });
  }
  if (operation === undefined) {
    return exchange.sendError(
      404,
      "itemNotFound",
      `No copy operation with id '${id}' exists at this address.`,
    );
  }
  await answerMonitor(state, exchange, operation, renderAsyncJobStatus);
}
