import { randomUUID } from "node:crypto";
import { renderAttackSimulationOperation } from "../../flavours/attack-simulation-operation.js";
import { createOperation } from "../create-operation.js";
import { simulatedTenantId } from "../graph-ids.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import type { Route, RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";

/** 202 with Location to `/security/attackSimulation/operations/{id}`. */
function startSimulation(context: RouteContext): void {
  const { state, exchange, version } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const base = `${state.graphOrigin}/${version}/security/attackSimulation`;
  const operation = createOperation(state, {
    kind: "attackSimulationOperation",
    action: "attackSimulation.create",
    version,
    scenario,
    details: { tenantId: simulatedTenantId, resourceLocation: `${base}/simulations/${randomUUID()}` },
    monitorUrl: (id) => `${base}/operations/${id}`,
    now: exchange.now,
  });
  sendAccepted(exchange, operation, { header: "location", location: operation.monitorUrl ?? "" });
}

/** Attack simulation creation: `attackSimulationOperation` (percentageCompleted). */
export const attackSimulationRoutes: Route[] = [
  {
    name: "attackSimulation.create",
    method: "POST",
    pattern: /^\/security\/attackSimulation\/simulations$/,
    handle: startSimulation,
  },
  monitorRoute({
    name: "monitor.attackSimulationOperation",
    pattern: /^\/security\/attackSimulation\/operations\/([^/]+)$/,
    kinds: ["attackSimulationOperation"],
    render: renderAttackSimulationOperation,
    identify: ([id = ""]) => ({ id }),
  }),
];
