import { rawStatus } from "../records/status-vocabulary.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/** `workbookOperation`: an Excel session created with `Prefer: respond-async`. */
export const renderWorkbookOperation: RenderMonitor = (operation, snapshot) => {
  const error = failureError(operation);
  return {
    status: 200,
    body: {
      id: operation.id,
      status: rawStatus(operation.kind, snapshot.phase, snapshot.futureValue),
      resourceLocation: snapshot.phase === "succeeded" ? detail(operation, "resourceLocation") : null,
      error:
        snapshot.phase === "failed"
          ? {
              code: error.code,
              message: error.message,
              innerError: { code: error.code, message: error.message },
            }
          : null,
    },
  };
};
