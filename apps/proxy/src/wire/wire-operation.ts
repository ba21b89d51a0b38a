import type { WireOperation } from "@lro/client";
import type { OperationRecord } from "../store/operation-record.js";
import { trackingOf } from "./wire-tracking.js";
import { followableLocation, type LinkContext } from "./public-links.js";

export { wireOperationSchema } from "@lro/client";
export type { WireOperation } from "@lro/client";

/**
 * Serves a record. `createdDateTime` is when the proxy began following the operation (the order and the
 * `$filter` of lists use it); `statusDetail` is the proxy's own note while it has one (e.g. waiting for
 * a token), else the monitor's. With `links`, a relative `resourceLocation` is made absolute and versioned
 * under the proxy (see `followableLocation`).
 */
export function toWireOperation(record: OperationRecord, links?: LinkContext): WireOperation {
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
  if (operation.resourceLocation !== undefined) {
    wire.resourceLocation =
      links === undefined
        ? operation.resourceLocation
        : followableLocation(operation.resourceLocation, record.monitorUrl, links.base, links.prefixes);
  }
  if (operation.resourceId !== undefined) wire.resourceId = operation.resourceId;
  const type = operation.type ?? operation.operationType;
  if (type !== undefined) wire.type = type;
  if (operation.error !== undefined) wire.error = operation.error;
  const tracking = trackingOf(record);
  if (tracking !== undefined) wire.tracking = tracking;
  return wire;
}
