import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { failureError, type RenderMonitor } from "./monitor-answer.js";

/** `teamworkDeviceOperation` (beta): status words `Queued`, `InProgress`, `Successful`, `Failed`. */
export const renderTeamworkDeviceOperation: RenderMonitor = (operation, snapshot) => {
  const { phase } = snapshot;
  const { createdAt, startsAt, terminalAt } = operation.timeline;
  const terminal = phase === "succeeded" || phase === "failed";
  const user = { user: { id: "2f5548d1-0dd8-4cc8-9de0-e0d6ec7ea3dc", displayName: "Simulated admin" } };
  return {
    status: 200,
    body: {
      id: operation.id,
      operationType: "deviceRestart",
      status: rawStatus(operation.kind, phase, snapshot.futureValue),
      createdDateTime: graphDateTime(createdAt),
      createdBy: user,
      startedDateTime: phase === "notStarted" ? null : graphDateTime(startsAt),
      completedDateTime: terminal ? graphDateTime(terminalAt) : null,
      lastActionDateTime: graphDateTime(snapshot.lastActionAt),
      lastActionBy: user,
      error: phase === "failed" ? failureError(operation) : null,
    },
  };
};
