import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, type RenderMonitor } from "./monitor-answer.js";

/** `delegatedAdminRelationshipOperation`: `data` is the access assignment, as a JSON string. */
export const renderDelegatedAdminRelationshipOperation: RenderMonitor = (operation, snapshot) => ({
  status: 200,
  body: {
    "@odata.type": "#microsoft.graph.delegatedAdminRelationshipOperation",
    id: operation.id,
    operationType: "delegatedAdminAccessAssignmentUpdate",
    data: JSON.stringify({ accessAssignmentId: detail(operation, "accessAssignmentId") }),
    status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
    createdDateTime: graphDateTime(operation.timeline.createdAt),
    lastModifiedDateTime: graphDateTime(snapshot.lastActionAt),
  },
});
