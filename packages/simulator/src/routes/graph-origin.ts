import type { Exchange } from "../http/exchange.js";
import type { SimulatorState } from "../simulator-state.js";
import { handleControl } from "./control-routes.js";
import { dispatch, sendNotFound } from "./dispatch.js";
import { graphRoutes } from "./graph-routes.js";
import { handleJsonBatch } from "./json-batch.js";
import { decodePath, slashODataKeys } from "./odata-path.js";

const versionPattern = /^\/(v1\.0|beta)(\/.*)$/;

/** The Graph-like origin: actions and monitors under /v1.0 and /beta, JSON batching (`/$batch`), plus the simulator's own /_simulator. */
export async function handleGraphOrigin(state: SimulatorState, exchange: Exchange): Promise<void> {
  const decoded = decodePath(exchange.request.url ?? "/");
  if (!decoded.success) {
    exchange.route = "badPath";
    return exchange.sendError(400, "invalidRequest", decoded.message);
  }
  const { path } = decoded;
  if (path.startsWith("/_simulator/")) return handleControl(state, exchange, path);
  const versioned = versionPattern.exec(path);
  if (versioned === null) return sendNotFound(exchange, path);
  const version = versioned[1] === "beta" ? "beta" : "v1.0";
  if (versioned[2] === "/$batch") return handleJsonBatch(state, exchange, version);
  await dispatch(graphRoutes, state, exchange, slashODataKeys(versioned[2] ?? ""), version, path);
}
