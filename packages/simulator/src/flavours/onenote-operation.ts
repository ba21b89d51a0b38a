import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/** `onenoteOperation`: OneNote copies; note `percentComplete` is a string. */
export const renderOnenoteOperation: RenderMonitor = (operation, snapshot) => {
  const succeeded = snapshot.phase === "succeeded";
  return {
    status: 200,
    body: {
      "@odata.context": `${detail(operation, "contextBase")}/$metadata#${detail(operation, "owner")}/onenote/operations/$entity`,
      id: operation.id,
      status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
      createdDateTime: graphDateTime(operation.timeline.createdAt),
      lastActionDateTime: graphDateTime(snapshot.lastActionAt),
      resourceLocation: succeeded ? detail(operation, "resourceLocation") : null,
      resourceId: succeeded ? detail(operation, "resourceId") : null,
      error: snapshot.phase === "failed" ? failureError(operation) : null,
      percentComplete: snapshot.percent === undefined ? undefined : String(snapshot.percent),
    },
  };
};
