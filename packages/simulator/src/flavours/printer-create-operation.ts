import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

const descriptions = {
  notStarted: "The printer registration is queued.",
  running: "Registering the printer.",
  future: "",
  succeeded: "The printer was registered.",
} as const;

/** `printerCreateOperation`: its status is an object `{state, description}`. */
export const renderPrinterCreateOperation: RenderMonitor = (operation, snapshot, context) => {
  const succeeded = snapshot.phase === "succeeded";
  const printerId = detail(operation, "printerId");
  const description =
    snapshot.phase === "failed" ? failureError(operation).message : descriptions[snapshot.phase];
  return {
    status: 200,
    body: {
      "@odata.context": `${context.graphOrigin}/${operation.version}/$metadata#print/operations/$entity`,
      "@odata.type": "#microsoft.graph.printerCreateOperation",
      id: operation.id,
      createdDateTime: graphDateTime(operation.timeline.createdAt),
      status: { state: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue), description },
      printer: succeeded ? { id: printerId, displayName: detail(operation, "displayName") } : undefined,
      certificate: succeeded
        ? "-----BEGIN CERTIFICATE-----\nsimulated\n-----END CERTIFICATE-----"
        : undefined,
    },
  };
};
