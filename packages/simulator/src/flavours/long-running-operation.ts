import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/** `longRunningOperation`: a password reset (`GET /users/{id}/authentication/operations/{id}`). */
export const renderLongRunningOperation: RenderMonitor = (operation, snapshot) => ({
  status: 200,
  body: {
    id: operation.id,
    createdDateTime: graphDateTime(operation.timeline.createdAt),
    lastActionDateTime: graphDateTime(snapshot.lastActionAt),
    status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
    statusDetail: snapshot.phase === "failed" ? failureError(operation).message : null,
    resourceLocation: snapshot.phase === "succeeded" ? detail(operation, "resourceLocation") : "",
  },
});
