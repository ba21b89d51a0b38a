import type { Operation, OperationStatus } from "@lro/core";
import { operationErrorSchema, operationKindSchema, operationSchema, operationStatuses } from "@lro/core";
import { z } from "zod";
import { wireTrackingSchema } from "./wire-tracking.js";

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === null || value === undefined || value === "" ? undefined : value));

/**
 * What a client reads of a served operation: `wireOperationSchema` with room for a newer proxy (a status
 * word it does not know yet, nulls and empty strings for absent fields, unknown properties kept).
 */
export const wireOperationReadSchema = z.looseObject({
  id: z.string().min(1),
  kind: operationKindSchema.catch("richLongRunningOperation"),
  status: z.string(),
  upstreamStatus: optionalText,
  statusDetail: optionalText,
  createdDateTime: optionalText,
  lastActionDateTime: optionalText,
  percentageComplete: z.number().min(0).max(100).nullish(),
  resourceLocation: optionalText,
  resourceId: optionalText,
  type: optionalText,
  operationType: optionalText,
  error: operationErrorSchema.nullish(),
  monitorUrl: optionalText,
  version: z.number().int().nonnegative(),
  // A state a newer proxy adds reads as absent rather than refusing the operation.
  tracking: wireTrackingSchema.optional().catch(undefined),
});
export type ReadWireOperation = z.infer<typeof wireOperationReadSchema>;

/** Reads one served operation; throws a zod error naming the field when it is not one. */
export function readWireOperation(input: unknown): ReadWireOperation {
  return wireOperationReadSchema.parse(input);
}

const knownStatus = (status: string): OperationStatus =>
  (operationStatuses as readonly string[]).includes(status)
    ? (status as OperationStatus)
    : "unknownFutureValue";

/** A served operation as @lro/core's normalised `Operation` (an unknown status word is `unknownFutureValue`). */
export function toOperation(wire: ReadWireOperation): Operation {
  return operationSchema.parse({
    kind: wire.kind,
    id: wire.id,
    status: knownStatus(wire.status),
    rawStatus: wire.upstreamStatus ?? wire.status,
    percentComplete: wire.percentageComplete ?? undefined,
    createdDateTime: wire.createdDateTime,
    lastActionDateTime: wire.lastActionDateTime,
    resourceLocation: wire.resourceLocation,
    resourceId: wire.resourceId,
    statusDetail: wire.statusDetail,
    type: wire.type,
    operationType: wire.operationType,
    error: wire.error ?? undefined,
    raw: wire as Record<string, unknown>,
  });
}
