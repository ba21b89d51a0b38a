import type { Exchange } from "../http/exchange.js";
import { readJsonBody } from "../http/read-body.js";
import type { GraphVersion } from "../records/simulated-operation.js";
import type { SimulatorState } from "../simulator-state.js";
import type { Route } from "./route.js";

/** Finds the route for `path` and runs it; 405 when only the method is wrong, 404 when nothing matches. */
export async function dispatch(
  routes: readonly Route[],
  state: SimulatorState,
  exchange: Exchange,
  path: string,
  version: GraphVersion,
  fullPath: string = path,
): Promise<void> {
  const method = exchange.request.method ?? "GET";
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    exchange.route = route.name;
    let body: unknown;
    if (method === "POST" || method === "PATCH") {
      const read = await readJsonBody(exchange.request);
      if (!read.success) return exchange.sendError(400, "invalidRequest", read.message);
      body = read.data;
    }
    return route.handle({ state, exchange, groups: match.slice(1), version, body });
  }
  if (allowed.length > 0) {
    exchange.route = "methodNotAllowed";
    const allow = [...new Set(allowed)].join(", ");
    return exchange.sendError(405, "methodNotAllowed", `${method} is not supported here; use ${allow}.`, {
      allow,
    });
  }
  sendNotFound(exchange, fullPath);
}

export function sendNotFound(exchange: Exchange, path: string): void {
  exchange.route = "notFound";
  const method = exchange.request.method ?? "GET";
  exchange.sendError(404, "ResourceNotFound", `No resource matches ${method} ${path} on this simulator.`);
}
