import type { Operation, OperationStatus } from "@lro/core";
import { operationErrorSchema, operationKindSchema, operationSchema, operationStatuses } from "@lro/core";
import { z } from "zod";

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === null || value === undefined || value === "" ? undefined : value));

/**
 * An operation as lro-proxy serves it: Graph's `richLongRunningOperation` JSON plus `kind`,
 * `upstreamStatus`, `monitorUrl` and `version`. Unknown properties are kept in `raw`.
 */
export const wireOperationSchema = z.looseObject({
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
});
export type WireOperation = z.infer<typeof wireOperationSchema>;

const knownStatus = (status: string): OperationStatus =>
  (operationStatuses as readonly string[]).includes(status)
    ? (status as OperationStatus)
    : "unknownFutureValue";

export interface ParsedWireOperation {
  operation: Operation;
  monitorUrl?: string;
  version: number;
}

/** Reads one operation from the proxy into the normalised @lro/core `Operation`; throws a zod error when malformed. */
export function parseWireOperation(input: unknown): ParsedWireOperation {
  const wire = wireOperationSchema.parse(input);
  const operation = operationSchema.parse({
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
    raw: input as Record<string, unknown>,
  });
  return { operation, monitorUrl: wire.monitorUrl, version: wire.version };
}
