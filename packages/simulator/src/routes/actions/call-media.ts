import { randomUUID } from "node:crypto";
import { renderCommsOperation } from "../../flavours/comms-operation.js";
import { bodyString } from "../../http/body-fields.js";
import { createOperation } from "../create-operation.js";
import { monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import type { Route, RouteContext } from "../route.js";
import { sendOperationBody } from "../send-operation-body.js";

/** The call actions served, each with the commsOperation-derived type it answers with. */
const operationTypeOfAction: Readonly<Record<string, string>> = {
  playPrompt: "playPromptOperation",
  recordResponse: "recordOperation",
  cancelMediaProcessing: "cancelMediaProcessingOperation",
  subscribeToTone: "subscribeToToneOperation",
  sendDtmfTones: "sendDtmfTonesOperation",
  startHoldMusic: "startHoldMusicOperation",
  stopHoldMusic: "stopHoldMusicOperation",
  updateRecordingStatus: "updateRecordingStatusOperation",
};

/**
 * As Graph answers a call's media actions: 200 OK with the operation (`running`) in the body and its
 * monitor in `Location`, `/communications/calls/{id}/operations/{id}`.
 */
function startCallAction(context: RouteContext): void {
  const { state, exchange, groups, version, body } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const [callId = "", action = ""] = groups;
  const operationType = operationTypeOfAction[action] ?? "commsOperation";
  const operation = createOperation(state, {
    kind: "commsOperation",
    action: `call.${action}`,
    version,
    scenario,
    details: { callId, operationType, clientContext: bodyString(body, "clientContext") ?? randomUUID() },
    monitorUrl: (id) => `${state.graphOrigin}/${version}/communications/calls/${callId}/operations/${id}`,
    now: exchange.now,
  });
  sendOperationBody(state, exchange, operation, renderCommsOperation, {
    location: operation.monitorUrl ?? "",
  });
}

/** Calls' media actions: `commsOperation` and its derived types. */
export const callMediaRoutes: Route[] = [
  {
    name: "call.mediaAction",
    method: "POST",
    pattern: new RegExp(`^/communications/calls/([^/]+)/(${Object.keys(operationTypeOfAction).join("|")})$`),
    handle: startCallAction,
  },
  monitorRoute({
    name: "monitor.commsOperation",
    pattern: /^\/communications\/calls\/([^/]+)\/operations\/([^/]+)$/,
    kinds: ["commsOperation"],
    render: renderCommsOperation,
    identify: ([callId, id = ""]) => ({ id, details: { callId } }),
  }),
];
