import { rawStatus } from "../records/status-vocabulary.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/**
 * `asyncJobStatus`: the driveItem copy monitor on the second origin. 202 while working; when done either
 * 303 See Other to the new item on the Graph origin or 200 with `resourceId` (scenario `copyCompletion`).
 */
export const renderAsyncJobStatus: RenderMonitor = (operation, snapshot, context) => {
  const status = rawStatus(operation.kind, snapshot.phase, snapshot.futureValue);
  const newItemId = detail(operation, "newItemId");
  if (snapshot.phase === "failed") {
    return {
      status: 200,
      body: {
        operation: "ItemCopy",
        percentageComplete: snapshot.percent,
        status,
        error: failureError(operation),
      },
    };
  }
  if (snapshot.phase !== "succeeded") {
    return { status: 202, body: { operation: "ItemCopy", percentageComplete: snapshot.percent, status } };
  }
  if (operation.scenario.copyCompletion === "seeOther") {
    const location = `${context.graphOrigin}/${operation.version}/drives/${detail(operation, "driveId")}/items/${newItemId}`;
    return { status: 303, headers: { location } };
  }
  return { status: 200, body: { percentageComplete: 100.0, resourceId: newItemId, status } };
};
