import { randomUUID } from "node:crypto";
import { createOperation } from "../create-operation.js";
import { newDriveItemId } from "../graph-ids.js";
import { requestScenario } from "../request-scenario.js";
import { group, type Route, type RouteContext } from "../route.js";
import { sendAccepted } from "../send-accepted.js";
import { bodyString, isObject } from "../../http/body-fields.js";
import { graphDateTime } from "../../timeline/graph-date-time.js";
import { snapshotAt } from "../../timeline/operation-timeline.js";

/** 202 with Location on the SECOND origin (a SharePoint-like monitor host that needs no token). */
function startCopy(context: RouteContext): void {
  const { state, exchange, groups, version, body } = context;
  const scenario = requestScenario(state, exchange);
  if (scenario === undefined) return;
  const sourceDriveId = group(groups, 0);
  const parent = isObject(body) ? body["parentReference"] : undefined;
  const driveId = bodyString(parent, "driveId") ?? sourceDriveId;
  const newItemId = newDriveItemId();
  const name = bodyString(body, "name") ?? `Copy of ${group(groups, 1)}`;
  const operation = createOperation(state, {
    kind: "asyncJobStatus",
    action: "driveItem.copy",
    id: randomUUID().toUpperCase(),
    version,
    scenario,
    details: { driveId, newItemId, name, parentId: bodyString(parent, "id") ?? "root" },
    monitorUrl: (id) => `${state.monitorOrigin}/_api/v2.0/monitor/${id}`,
    now: exchange.now,
  });
  state.copiedItems.set(newItemId, operation);
  sendAccepted(exchange, operation, { header: "location", location: operation.monitorUrl ?? "" });
}

/** The new item a finished copy made (where a 303 from the monitor points). */
function getCopiedItem(context: RouteContext): void {
  const { state, exchange, groups, version } = context;
  const [driveId, itemId = ""] = groups;
  const operation = state.copiedItems.get(itemId);
  const done = operation !== undefined && snapshotAt(operation.timeline, exchange.now).phase === "succeeded";
  if (operation === undefined || !done || operation.details["driveId"] !== driveId) {
    return exchange.sendError(
      404,
      "itemNotFound",
      `The drive item '${itemId}' does not exist in drive '${driveId}'.`,
    );
  }
  exchange.sendJson(200, {
    "@odata.context": `${state.graphOrigin}/${version}/$metadata#drives('${driveId}')/items/$entity`,
    id: itemId,
    name: operation.details["name"],
    createdDateTime: graphDateTime(operation.timeline.terminalAt),
    lastModifiedDateTime: graphDateTime(operation.timeline.terminalAt),
    size: 0,
    parentReference: { driveId, id: operation.details["parentId"] },
    file: { mimeType: "application/octet-stream" },
  });
}

/** driveItem copy (`asyncJobStatus` on the monitor origin) and the copied items on the Graph origin. */
export const driveItemCopyRoutes: Route[] = [
  {
    name: "driveItem.copy",
    method: "POST",
    pattern: /^\/drives\/([^/]+)\/items\/([^/]+)\/copy$/,
    handle: startCopy,
  },
  {
    name: "driveItem.get",
    method: "GET",
    pattern: /^\/drives\/([^/]+)\/items\/([^/]+)$/,
    handle: getCopiedItem,
  },
];
