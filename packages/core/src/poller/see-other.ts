import type { OperationKind } from "../models/operation-kind.js";
import type { Operation } from "../models/operation.js";

/**
 * The snapshot a 303 See Other stands for: the operation succeeded and its result is at `location`
 * (a driveItem copy monitor redirects to the new item). Known fields of the previous snapshot are kept.
 */
export function seeOtherOperation(
  location: string,
  previous: Operation | undefined,
  kind: OperationKind | undefined,
): Operation {
  const resolvedKind = kind ?? previous?.kind ?? "asyncJobStatus";
  const rawStatus = resolvedKind === "asyncJobStatus" ? "completed" : "succeeded";
  const operation: Operation = {
    kind: resolvedKind,
    status: "succeeded",
    rawStatus,
    percentComplete: 100,
    resourceLocation: location,
    raw: { status: rawStatus, percentageComplete: 100, resourceLocation: location },
  };
  if (previous?.id !== undefined) operation.id = previous.id;
  if (previous?.resourceId !== undefined) operation.resourceId = previous.resourceId;
  if (previous?.createdDateTime !== undefined) operation.createdDateTime = previous.createdDateTime;
  if (previous?.type !== undefined) operation.type = previous.type;
  if (previous?.operationType !== undefined) operation.operationType = previous.operationType;
  return operation;
}
