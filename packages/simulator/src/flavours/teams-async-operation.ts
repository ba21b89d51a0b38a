import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/** `teamsAsyncOperation`: team clone, archive, unarchive and create. */
export const renderTeamsAsyncOperation: RenderMonitor = (operation, snapshot) => {
  const targetResourceId = detail(operation, "targetTeamId");
  return {
    status: 200,
    body: {
      id: operation.id,
      operationType: detail(operation, "operationType"),
      createdDateTime: graphDateTime(operation.timeline.createdAt),
      status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
      lastActionDateTime: graphDateTime(snapshot.lastActionAt),
      attemptsCount: 1,
      targetResourceId,
      targetResourceLocation: `/groups('${targetResourceId}')/team`,
      error: snapshot.phase === "failed" ? failureError(operation) : null,
    },
  };
};
