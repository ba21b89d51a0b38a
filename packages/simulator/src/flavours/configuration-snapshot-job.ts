import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { simulatedTenantId } from "../routes/graph-ids.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/** `configurationSnapshotJob`: no percentage; `errorDetails` lists why it failed. */
export const renderConfigurationSnapshotJob: RenderMonitor = (operation, snapshot) => {
  const { phase } = snapshot;
  const terminal = phase === "succeeded" || phase === "failed";
  return {
    status: 200,
    body: {
      "@odata.type": "#microsoft.graph.configurationSnapshotJob",
      id: operation.id,
      displayName: detail(operation, "displayName"),
      description: detail(operation, "description"),
      tenantId: simulatedTenantId,
      resources: detail(operation, "resources").split(","),
      status: rawStatus(operation.kind, phase, snapshot.futureValue),
      createdDateTime: graphDateTime(operation.timeline.createdAt),
      completedDateTime: terminal ? graphDateTime(operation.timeline.terminalAt) : null,
      resourceLocation: phase === "succeeded" ? detail(operation, "resourceLocation") : null,
      errorDetails: phase === "failed" ? [failureError(operation).message] : [],
    },
  };
};
