import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";
import { failedResultInfo } from "./result-info.js";

/** `security.caseOperation` (an `ediscoveryEstimateOperation`): `percentProgress`, `action`, `resultInfo`. */
export const renderCaseOperation: RenderMonitor = (operation, snapshot) => {
  const { phase } = snapshot;
  const terminal = phase === "succeeded" || phase === "failed";
  return {
    status: 200,
    body: {
      "@odata.type": "#microsoft.graph.security.ediscoveryEstimateOperation",
      id: operation.id,
      action: "estimateStatistics",
      createdDateTime: graphDateTime(operation.timeline.createdAt),
      completedDateTime: terminal ? graphDateTime(operation.timeline.terminalAt) : null,
      createdBy: { user: { id: detail(operation, "userId"), displayName: "Simulated investigator" } },
      percentProgress: snapshot.percent ?? null,
      resultInfo: phase === "failed" ? failedResultInfo(failureError(operation)) : null,
      status: rawStatus(operation.kind, phase, snapshot.futureValue),
    },
  };
};
