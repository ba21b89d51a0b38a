import { rawStatus } from "../records/status-vocabulary.js";
import { failureError, type RenderMonitor } from "./monitor-answer.js";

/** `externalConnectors.connectionOperation`: a status and, when it failed, an error; nothing else. */
export const renderConnectionOperation: RenderMonitor = (operation, snapshot) => ({
  status: 200,
  body: {
    "@odata.type": "#microsoft.graph.externalConnectors.connectionOperation",
    id: operation.id,
    status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
    error: snapshot.phase === "failed" ? failureError(operation) : null,
  },
});
