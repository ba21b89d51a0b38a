import { rawStatus } from "../records/status-vocabulary.js";
import { detail, type RenderMonitor } from "./monitor-answer.js";

/** `mailFolderOperation` (beta), as an `updateAllMessagesReadStateOperation`: a status and, when done, the folder. */
export const renderMailFolderOperation: RenderMonitor = (operation, snapshot) => ({
  status: 200,
  body: {
    "@odata.type": "#microsoft.graph.updateAllMessagesReadStateOperation",
    id: operation.id,
    status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
    resourceLocation: snapshot.phase === "succeeded" ? detail(operation, "resourceLocation") : null,
  },
});
