import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/** `approvalOperation` (beta): `scheduled`, `inProgress`, then `succeeded` or `failed`. */
export const renderApprovalOperation: RenderMonitor = (operation, snapshot) => ({
  status: 200,
  body: {
    id: operation.id,
    status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
    createdDateTime: graphDateTime(operation.timeline.createdAt),
    lastActionDateTime: graphDateTime(snapshot.lastActionAt),
    resourceLocation: snapshot.phase === "succeeded" ? detail(operation, "resourceLocation") : "",
    error: snapshot.phase === "failed" ? failureError(operation) : null,
  },
});
