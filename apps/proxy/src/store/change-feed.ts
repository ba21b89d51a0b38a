import type { OperationChange, OperationChangeListener } from "./operation-change.js";

/** Every committed change, in version order: read back after a version, or pushed as it commits. */
export interface ChangeFeed {
  /** Every change of the owner's operations after `version`, in version order: the latest state of each. */
  listChangesSince(owner: string, version: number, options?: { id?: string }): Promise<OperationChange[]>;
  /** Calls `listener` after every committed change; returns the unsubscribe function. */
  subscribe(listener: OperationChangeListener): () => void;
}
