import { renderPlaceOperation } from "../../flavours/place-operation.js";
import { isObject } from "../../http/body-fields.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import type { Route, RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";

/** How many places a bulk update names (`{ value: [...] }`); at least one. */
function placeCount(body: unknown): number {
  const value = isObject(body) ? body["value"] : undefined;
  return Array.isArray(value) && value.length > 0 ? value.length : 1;
}

/** beta `PATCH /places`: 202 with Location to `/places/getOperation(id='{id}')`. */
function startBulkUpdate(context: RouteContext): void {
  const { state, exchange, version, body } = context;
  if (version !== "beta")
    return exchange.sendError(404, "ResourceNotFound", "Bulk place updates are beta only.");
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const operation = createOperation(state, {
    kind: "placeOperation",
    action: "places.bulkUpdate",
    version,
    scenario,
    details: { placeCount: String(placeCount(body)) },
    monitorUrl: (id) => `${state.graphOrigin}/${version}/places/getOperation(id='${id}')`,
    now: exchange.now,
  });
  sendAccepted(exchange, operation, { header: "location", location: operation.monitorUrl ?? "" });
}

/** Bulk place updates: `placeOperation` (`progress` as place counts). */
export const placesBulkUpdateRoutes: Route[] = [
  { name: "places.bulkUpdate", method: "PATCH", pattern: /^\/places$/, handle: startBulkUpdate },
  monitorRoute({
    name: "monitor.placeOperation",
    pattern: /^\/places\/getOperation\(id='([^']+)'\)$/,
    kinds: ["placeOperation"],
    render: renderPlaceOperation,
    identify: ([id = ""]) => ({ id }),
  }),
];
