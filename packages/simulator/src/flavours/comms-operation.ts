import { rawStatus } from "../records/status-vocabulary.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";
import { failedResultInfo } from "./result-info.js";

/**
 * `commsOperation` and its derived types (`playPromptOperation`...): no percentage; `resultInfo` says
 * how it ended (`200` done, a code from 400 when it failed).
 */
export const renderCommsOperation: RenderMonitor = (operation, snapshot) => {
  const { phase } = snapshot;
  const resultInfo =
    phase === "failed"
      ? failedResultInfo(failureError(operation))
      : phase === "succeeded"
        ? { code: 200, subcode: 8510, message: "Action completed" }
        : null;
  return {
    status: 200,
    body: {
      "@odata.type": `#microsoft.graph.${detail(operation, "operationType")}`,
      id: operation.id,
      clientContext: detail(operation, "clientContext"),
      status: rawStatus(operation.kind, phase, snapshot.futureValue),
      resultInfo,
    },
  };
};
