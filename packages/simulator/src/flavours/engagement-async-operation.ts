import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/** `engagementAsyncOperation`: Viva Engage community creation. */
export const renderEngagementAsyncOperation: RenderMonitor = (operation, snapshot, context) => ({
  status: 200,
  body: {
    "@odata.context": `${context.graphOrigin}/${operation.version}/$metadata#employeeExperience/engagementAsyncOperations/$entity`,
    id: operation.id,
    createdDateTime: graphDateTime(operation.timeline.createdAt),
    lastActionDateTime: graphDateTime(snapshot.lastActionAt),
    operationType: "createCommunity",
    resourceId: detail(operation, "communityId"),
    resourceLocation: snapshot.phase === "succeeded" ? detail(operation, "resourceLocation") : null,
    status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
    statusDetail: snapshot.phase === "failed" ? failureError(operation).message : null,
  },
});
