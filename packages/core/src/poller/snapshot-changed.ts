import type { Operation } from "../models/operation.js";

/** Whether `next` is worth emitting after `previous`: status, progress, last action or detail differ. */
export function snapshotChanged(previous: Operation | undefined, next: Operation): boolean {
  return (
    previous === undefined ||
    previous.status !== next.status ||
    previous.rawStatus !== next.rawStatus ||
    previous.percentComplete !== next.percentComplete ||
    previous.lastActionDateTime !== next.lastActionDateTime ||
    previous.statusDetail !== next.statusDetail
  );
}
