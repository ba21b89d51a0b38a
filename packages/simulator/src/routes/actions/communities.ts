import { randomUUID } from "node:crypto";
import { renderEngagementAsyncOperation } from "../../flavours/engagement-async-operation.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import type { Route, RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";

/** 202 with `Operation-Location` in OData key form: `/employeeExperience/engagementAsyncOperations('{id}')`. */
function startCommunity(context: RouteContext): void {
  const { state, exchange, version } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const base = `${state.graphOrigin}/${version}/employeeExperience`;
  const communityId = randomUUID();
  const operation = createOperation(state, {
    kind: "engagementAsyncOperation",
    action: "community.create",
    version,
    scenario,
    details: { communityId, resourceLocation: `${base}/communities('${communityId}')` },
    monitorUrl: (id) => `${base}/engagementAsyncOperations('${id}')`,
    now: exchange.now,
  });
  sendAccepted(exchange, operation, { header: "operation-location", location: operation.monitorUrl ?? "" });
}

/** Viva Engage community creation: `engagementAsyncOperation`. */
export const communitiesRoutes: Route[] = [
  {
    name: "community.create",
    method: "POST",
    pattern: /^\/employeeExperience\/communities$/,
    handle: startCommunity,
  },
  monitorRoute({
    name: "monitor.engagementAsyncOperation",
    pattern: /^\/employeeExperience\/engagementAsyncOperations\/([^/]+)$/,
    kinds: ["engagementAsyncOperation"],
    render: renderEngagementAsyncOperation,
    identify: ([id = ""]) => ({ id }),
  }),
];
