import { randomUUID } from "node:crypto";
import { renderPrinterCreateOperation } from "../../flavours/printer-create-operation.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import type { Route, RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";
import { bodyString } from "../../http/body-fields.js";

/** 202 with `Operation-Location` and `Retry-After: 5` unless the scenario says otherwise. */
function startCreate(context: RouteContext): void {
  const { state, exchange, version, body } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const operation = createOperation(state, {
    kind: "printerCreateOperation",
    action: "printer.create",
    version,
    scenario,
    details: { printerId: randomUUID(), displayName: bodyString(body, "displayName") ?? "Simulated printer" },
    monitorUrl: (id) => `${state.graphOrigin}/${version}/print/operations/${id}`,
    now: exchange.now,
  });
  sendAccepted(exchange, operation, {
    header: "operation-location",
    location: operation.monitorUrl ?? "",
    defaultRetryAfterSeconds: 5,
  });
}

/** Universal Print printer registration: `printerCreateOperation`. */
export const printerCreateRoutes: Route[] = [
  { name: "printer.create", method: "POST", pattern: /^\/print\/printers\/create$/, handle: startCreate },
  monitorRoute({
    name: "monitor.printerCreateOperation",
    pattern: /^\/print\/operations\/([^/]+)$/,
    kinds: ["printerCreateOperation"],
    render: renderPrinterCreateOperation,
    identify: ([id = ""]) => ({ id }),
  }),
];
