import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/** `richLongRunningOperation`: a site or list content-type copy (`GET /sites/{id}/operations/{id}`). */
export const renderRichLongRunningOperation: RenderMonitor = (operation, snapshot) => {
  const succeeded = snapshot.phase === "succeeded";
  const failed = snapshot.phase === "failed";
  return {
    status: 200,
    body: {
      id: operation.id,
      createdDateTime: graphDateTime(operation.timeline.createdAt),
      lastActionDateTime: graphDateTime(snapshot.lastActionAt),
      status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
      statusDetail: failed ? failureError(operation).message : null,
      type: "contentTypeCopy",
      percentageComplete: snapshot.percent,
      resourceId: detail(operation, "contentTypeId"),
      resourceLocation: succeeded ? detail(operation, "resourceLocation") : null,
      error: failed ? { ...failureError(operation), details: [] } : null,
    },
  };
};
