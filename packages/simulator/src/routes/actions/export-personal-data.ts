import { renderDataPolicyOperation } from "../../flavours/data-policy-operation.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import { group, type Route, type RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";
import { bodyString } from "../../http/body-fields.js";

/** 202 with Location to `/dataPolicyOperations/{id}` and `Retry-After: 60` unless the scenario says otherwise. */
function startExport(context: RouteContext): void {
  const { state, exchange, groups, version, body } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const storageLocation = bodyString(body, "storageLocation");
  if (storageLocation === undefined) {
    return exchange.sendError(
      400,
      "invalidRequest",
      'The body needs "storageLocation": the URL of a storage container.',
    );
  }
  const operation = createOperation(state, {
    kind: "dataPolicyOperation",
    action: "user.exportPersonalData",
    version,
    scenario,
    details: { userId: group(groups, 0), storageLocation },
    monitorUrl: (id) => `${state.graphOrigin}/${version}/dataPolicyOperations/${id}`,
    now: exchange.now,
  });
  sendAccepted(exchange, operation, {
    header: "location",
    location: operation.monitorUrl ?? "",
    defaultRetryAfterSeconds: 60,
  });
}

/** exportPersonalData: `dataPolicyOperation`. */
export const exportPersonalDataRoutes: Route[] = [
  {
    name: "user.exportPersonalData",
    method: "POST",
    pattern: /^\/users\/([^/]+)\/exportPersonalData$/,
    handle: startExport,
  },
  monitorRoute({
    name: "monitor.dataPolicyOperation",
    pattern: /^\/dataPolicyOperations\/([^/]+)$/,
    kinds: ["dataPolicyOperation"],
    render: renderDataPolicyOperation,
    identify: ([id = ""]) => ({ id }),
  }),
];
