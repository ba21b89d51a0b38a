import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import type { RenderMonitor } from "./monitor-answer.js";

/** The older beta `operation`: id, dates and an `operationStatus`; no error, no percentage. */
export const renderOlderOperation: RenderMonitor = (operation, snapshot) => ({
  status: 200,
  body: {
    createdDateTime: graphDateTime(operation.timeline.createdAt),
    id: operation.id,
    lastActionDateTime: graphDateTime(snapshot.lastActionAt),
    status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
  },
});
