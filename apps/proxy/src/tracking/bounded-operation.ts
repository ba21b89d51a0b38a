import type { Operation } from "@lro/core";

/** The most JSON one stored operation may take; beyond it the monitor's raw answer is not kept. */
export const maxStoredOperationBytes = 64 * 1024;

/**
 * The operation as it is stored and served: whole when small (every monitor answer Microsoft documents is
 * a few hundred bytes), else without the monitor's raw answer, whose extra properties are what made it
 * large: each stored row, each event and each answer then stays bounded, whatever a monitor sends within
 * the transport's cap.
 */
export function boundedOperation(operation: Operation): Operation {
  if (Buffer.byteLength(JSON.stringify(operation)) <= maxStoredOperationBytes) return operation;
  const withoutRaw: Operation = { ...operation, raw: {} };
  if (Buffer.byteLength(JSON.stringify(withoutRaw)) <= maxStoredOperationBytes) return withoutRaw;
  // The normalised fields themselves are huge (a status detail of megabytes): only what identifies it stays.
  return {
    kind: operation.kind,
    status: operation.status,
    rawStatus: operation.rawStatus.slice(0, 256),
    raw: {},
    ...(operation.error !== undefined && JSON.stringify(operation.error).length <= 4096
      ? { error: operation.error }
      : {}),
    statusDetail: `The monitor's answer was larger than ${maxStoredOperationBytes} bytes once read; its details were not kept.`,
  } as Operation;
}
