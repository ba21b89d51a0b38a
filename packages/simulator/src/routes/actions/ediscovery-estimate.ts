import { randomUUID } from "node:crypto";
import { renderCaseOperation } from "../../flavours/case-operation.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import type { Route, RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";

/** 202 with Location to `/security/cases/ediscoveryCases/{caseId}/operations/{id}`. */
function startEstimate(context: RouteContext): void {
  const { state, exchange, groups, version } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const [caseId = "", searchId = ""] = groups;
  const operation = createOperation(state, {
    kind: "caseOperation",
    action: "ediscoverySearch.estimateStatistics",
    version,
    scenario,
    details: { caseId, searchId, userId: randomUUID() },
    monitorUrl: (id) =>
      `${state.graphOrigin}/${version}/security/cases/ediscoveryCases/${caseId}/operations/${id}`,
    now: exchange.now,
  });
  sendAccepted(exchange, operation, { header: "location", location: operation.monitorUrl ?? "" });
}

/** eDiscovery search estimates: `security.caseOperation` (an `ediscoveryEstimateOperation`, `percentProgress`). */
export const ediscoveryEstimateRoutes: Route[] = [
  {
    name: "ediscoverySearch.estimateStatistics",
    method: "POST",
    pattern: /^\/security\/cases\/ediscoveryCases\/([^/]+)\/searches\/([^/]+)\/estimateStatistics$/,
    handle: startEstimate,
  },
  monitorRoute({
    name: "monitor.caseOperation",
    pattern: /^\/security\/cases\/ediscoveryCases\/([^/]+)\/operations\/([^/]+)$/,
    kinds: ["caseOperation"],
    render: renderCaseOperation,
    identify: ([caseId, id = ""]) => ({ id, details: { caseId } }),
  }),
];
