import type { Exchange } from "../http/exchange.js";
import { readJsonBody } from "../http/read-body.js";
import { SimulatorScenarioError } from "../scenario/scenario-error.js";
import { configureDefaults, resetState } from "../simulator-control.js";
import type { SimulatorState } from "../simulator-state.js";
import { sendNotFound } from "./dispatch.js";

/**
 * The simulator's own endpoints, for a simulator running in another process (the CLI):
 * GET /_simulator/operations, GET /_simulator/requests, GET|PATCH /_simulator/defaults, POST /_simulator/reset.
 */
export async function handleControl(state: SimulatorState, exchange: Exchange, path: string): Promise<void> {
  const method = exchange.request.method ?? "GET";
  exchange.route = `control.${path.slice("/_simulator/".length)}`;
  if (method === "GET" && path === "/_simulator/operations") {
    return exchange.sendJson(200, { value: state.store.records() });
  }
  if (method === "GET" && path === "/_simulator/requests") {
    return exchange.sendJson(200, { total: state.counters.total, value: state.counters.list() });
  }
  if (method === "GET" && path === "/_simulator/defaults") return exchange.sendJson(200, state.defaults);
  if (method === "PATCH" && path === "/_simulator/defaults") {
    const read = await readJsonBody(exchange.request);
    if (!read.success) return exchange.sendError(400, "invalidRequest", read.message);
    try {
      configureDefaults(state, read.data, "the body of PATCH /_simulator/defaults");
    } catch (error) {
      if (!SimulatorScenarioError.isInstance(error)) throw error;
      return exchange.sendError(400, "invalidRequest", error.message);
    }
    return exchange.sendJson(200, state.defaults);
  }
  if (method === "POST" && path === "/_simulator/reset") {
    resetState(state, state.seed);
    return exchange.send(204);
  }
  sendNotFound(exchange, path);
}
