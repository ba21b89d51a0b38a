import type { OperationRecord } from "./operation-record.js";

/** One committed change, in store-wide `version` order. */
export type OperationChange =
  | { type: "operation"; owner: string; id: string; version: number; record: OperationRecord }
  | { type: "deleted"; owner: string; id: string; version: number };

export type OperationChangeListener = (change: OperationChange) => void;
