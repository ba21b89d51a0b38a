import { renderLongRunningOperation } from "../../flavours/long-running-operation.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import { group, type Route, type RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";

const routingQuery = "?aadgdc=DUB02P&aadgsu=ssprprod-a";

/** 202 with Location to `/users/{id}/authentication/operations/{id}` carrying Entra's routing query. */
function startReset(context: RouteContext): void {
  const { state, exchange, groups, version } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const user = group(groups, 0);
  const base = `${state.graphOrigin}/${version}/${user}/authentication`;
  const operation = createOperation(state, {
    kind: "longRunningOperation",
    action: "authenticationMethod.resetPassword",
    version,
    scenario,
    details: { user, resourceLocation: `${base}/passwordMethods/${group(groups, 1)}` },
    monitorUrl: (id) => `${base}/operations/${id}${routingQuery}`,
    now: exchange.now,
  });
  sendAccepted(exchange, operation, { header: "location", location: operation.monitorUrl ?? "" });
}

/** Password reset of an authentication method: `longRunningOperation`. */
export const resetPasswordRoutes: Route[] = [
  {
    name: "authenticationMethod.resetPassword",
    method: "POST",
    pattern: /^\/(me|users\/[^/]+)\/authentication\/methods\/([^/]+)\/resetPassword$/,
    handle: startReset,
  },
  monitorRoute({
    name: "monitor.longRunningOperation",
    pattern: /^\/(me|users\/[^/]+)\/authentication\/operations\/([^/]+)$/,
    kinds: ["longRunningOperation"],
    render: renderLongRunningOperation,
    identify: ([user, id = ""]) => ({ id, details: { user } }),
  }),
];
