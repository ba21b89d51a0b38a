import { randomUUID } from "node:crypto";
import { hasPreference } from "../../http/prefer.js";
import { renderWorkbookOperation } from "../../flavours/workbook-operation.js";
import { createOperation } from "../create-operation.js";
import { findOperation, monitorRoute } from "../monitor-route.js";
import { requestScenario } from "../request-scenario.js";
import { group, type Route, type RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";
import { isObject } from "../../http/body-fields.js";
import { sendSynchronousFailure } from "../synchronous-answer.js";
import { snapshotAt } from "../../timeline/operation-timeline.js";

const itemPath = "((?:me/drive|drives/[^/]+|users/[^/]+/drive|sites/[^/]+/drive)/items/[^/]+)";

/** Session ids are opaque to callers; this one names the operation that made it. */
const sessionPrefix = "cluster=SIM&session=";

/** With `Prefer: respond-async`: 202 + Location to `.../workbook/operations/{id}`; without it: 201 at once. */
function createSession(context: RouteContext): void {
  const { state, exchange, groups, version, body } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const item = group(groups, 0);
  const id = randomUUID();
  const sessionId = `${sessionPrefix}${id}`;
  const persistChanges = isObject(body) && body["persistChanges"] === true;
  const workbook = `${state.graphOrigin}/${version}/${item}/workbook`;
  const details = {
    item,
    sessionId,
    persistChanges: String(persistChanges),
    resourceLocation: `${workbook}/sessionInfoResource(key='${sessionId}')`,
  };
  const base = {
    kind: "workbookOperation",
    action: "workbook.createSession",
    id,
    version,
    scenario,
    details,
  } as const;
  if (scenario.immediate || !hasPreference(exchange.header("prefer"), "respond-async")) {
    const operation = createOperation(state, { ...base, now: exchange.now });
    if (operation.timeline.outcome === "failed") return sendSynchronousFailure(exchange, scenario);
    return exchange.sendJson(201, { id: sessionId, persistChanges });
  }
  const monitorUrl = (id: string): string => `${workbook}/operations/${id}`;
  const operation = createOperation(state, { ...base, monitorUrl, now: exchange.now });
  sendAccepted(exchange, operation, { header: "location", location: operation.monitorUrl ?? "" });
}

/** The session a finished asynchronous createSession made (its `resourceLocation`). */
function getSessionInfo(context: RouteContext): void {
  const { state, exchange, groups } = context;
  const [item, sessionId = ""] = groups;
  const id = sessionId.startsWith(sessionPrefix) ? sessionId.slice(sessionPrefix.length) : "";
  const operation = findOperation(state, id, ["workbookOperation"], { item, sessionId });
  if (operation !== undefined && snapshotAt(operation.timeline, exchange.now).phase === "succeeded") {
    return exchange.sendJson(200, {
      id: sessionId,
      persistChanges: operation.details["persistChanges"] === "true",
    });
  }
  exchange.sendError(404, "itemNotFound", `The workbook session '${sessionId}' does not exist.`);
}

/** Excel workbook sessions: `workbookOperation`. */
export const workbookSessionRoutes: Route[] = [
  {
    name: "workbook.createSession",
    method: "POST",
    pattern: new RegExp(`^/${itemPath}/workbook/createSession$`),
    handle: createSession,
  },
  {
    name: "workbook.sessionInfoResource",
    method: "GET",
    pattern: new RegExp(`^/${itemPath}/workbook/sessionInfoResource\\(key='([^']+)'\\)$`),
    handle: getSessionInfo,
  },
  monitorRoute({
    name: "monitor.workbookOperation",
    pattern: new RegExp(`^/${itemPath}/workbook/operations/([^/]+)$`),
    kinds: ["workbookOperation"],
    render: renderWorkbookOperation,
    identify: ([item, id = ""]) => ({ id, details: { item } }),
  }),
];
