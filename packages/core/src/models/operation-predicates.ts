import { statusWordMeaning } from "./normalise-status.js";
import type { Operation } from "./operation.js";

/** Whether the operation has ended: `succeeded` or `failed` (`unknownFutureValue` never is). */
export function isTerminal(operation: Pick<Operation, "status">): boolean {
  return operation.status === "succeeded" || operation.status === "failed";
}

/** Whether the operation ended well. */
export function isSucceeded(operation: Pick<Operation, "status">): boolean {
  return operation.status === "succeeded";
}

/** Whether the operation ended in failure (its `error`, when Graph sent one, says why). */
export function isFailed(operation: Pick<Operation, "status">): boolean {
  return operation.status === "failed";
}

/**
 * Whether the operation ended with only part of its work done (`partiallySucceeded`,
 * `partiallySuccessful`): its status is `succeeded`, and its error or counts say what is missing.
 */
export function isPartlySucceeded(operation: Pick<Operation, "status" | "rawStatus" | "kind">): boolean {
  return (
    operation.status === "succeeded" &&
    statusWordMeaning(operation.rawStatus, operation.kind) === "succeededPartly"
  );
}
