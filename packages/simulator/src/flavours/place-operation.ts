import { rawStatus } from "../records/status-vocabulary.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

/**
 * `placeOperation` (beta): `progress` is an object of place counts, read from the scenario's curve; a
 * failed operation reports the places it did not get to as failed.
 */
export const renderPlaceOperation: RenderMonitor = (operation, snapshot) => {
  const { phase, percent } = snapshot;
  const total = Number(detail(operation, "placeCount"));
  // A failure leaves at least one place unhandled.
  const share = percent === undefined ? 0 : (percent / 100) * total;
  const handled = phase === "failed" ? Math.min(total - 1, Math.floor(share)) : Math.round(share);
  const failed = phase === "failed" ? total - handled : 0;
  const error = failureError(operation);
  return {
    status: 200,
    body: {
      id: operation.id,
      status: rawStatus(operation.kind, phase, snapshot.futureValue),
      progress:
        percent === undefined
          ? null
          : { totalPlaceCount: total, succeededPlaceCount: handled, failedPlaceCount: failed },
      details:
        phase === "failed" ? [{ status: "failed", error: { code: error.code, message: error.message } }] : [],
    },
  };
};
