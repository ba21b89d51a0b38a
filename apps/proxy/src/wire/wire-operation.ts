import { operationErrorSchema, operationKindSchema, operationStatusSchema } from "@lro/core";
import { z } from "zod";
import type { OperationRecord } from "../store/operation-record.js";

/**
 * An operation as the proxy serves it: Graph's `richLongRunningOperation` JSON (the error as a
 * `publicError`), plus the flavour the monitor spoke (`kind`), its status word as received
 * (`upstreamStatus`), the monitor followed (`monitorUrl`) and the change sequence (`version`).
 */
export const wireOperationSchema = z.object({
  id: z.string(),
  status: operationStatusSchema,
  statusDetail: z.string().optional(),
  createdDateTime: z.string(),
  lastActionDateTime: z.string(),
  percentageComplete: z.number().int().min(0).max(100).optional(),
  resourceLocation: z.string().optional(),
  resourceId: z.string().optional(),
  type: z.string().optional(),
  error: operationErrorSchema.optional(),
  kind: operationKindSchema,
  upstreamStatus: z.string(),
  monitorUrl: z.string(),
  version: z.number().int().positive(),
});
export type WireOperation = z.infer<typeof wireOperationSchema>;

/**
 * Serves a record. `createdDateTime` is when the proxy began following the operation (the order and the
 * `$filter` of lists use it); `statusDetail` is the proxy's own note while it has one (e.g. waiting for
 * a token), else the monitor's.
 */
export function toWireOperation(record: OperationRecord): WireOperation {
  const { operation } = record;
  const wire: WireOperation = {
    id: record.id,
    status: operation.status,
    createdDateTime: new Date(record.createdAt).toISOString(),
    lastActionDateTime: operation.lastActionDateTime ?? new Date(record.updatedAt).toISOString(),
    kind: record.kind,
    upstreamStatus: operation.rawStatus,
    monitorUrl: record.monitorUrl,
    version: record.version,
  };
  const statusDetail = record.statusNote ?? operation.statusDetail;
  if (statusDetail !== undefined) wire.statusDetail = statusDetail;
  if (operation.percentComplete !== undefined)
    wire.percentageComplete = Math.round(operation.percentComplete);
  if (operation.resourceLocation !== undefined) wire.resourceLocation = operation.resourceLocation;
  if (operation.resourceId !== undefined) wire.resourceId = operation.resourceId;
  const type = operation.type ?? operation.operationType;
  if (type !== undefined) wire.type = type;
  if (operation.error !== undefined) wire.error = operation.error;
  return wire;
}
