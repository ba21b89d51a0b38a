import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, type RenderMonitor } from "./monitor-answer.js";

/** `dataPolicyOperation`: exportPersonalData; status word `complete`, `progress` as a number. */
export const renderDataPolicyOperation: RenderMonitor = (operation, snapshot) => {
  const terminal = snapshot.phase === "succeeded" || snapshot.phase === "failed";
  return {
    status: 200,
    body: {
      id: operation.id,
      submittedDateTime: graphDateTime(operation.timeline.createdAt),
      completedDateTime: terminal ? graphDateTime(operation.timeline.terminalAt) : null,
      status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
      storageLocation: detail(operation, "storageLocation"),
      userId: detail(operation, "userId"),
      progress: snapshot.percent,
    },
  };
};
