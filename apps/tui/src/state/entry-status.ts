import type { OperationStatus } from "@lro/core";
import type { OperationEntry } from "./operations-state.js";

/** What a row shows as its status: the operation's, or `problem` when it cannot be followed and has not ended. */
export type EntryStatus = OperationStatus | "problem";

export function entryStatus(entry: OperationEntry): EntryStatus {
  const status = entry.operation?.status;
  if (status === "succeeded" || status === "failed") return status;
  if (entry.problem !== undefined) return "problem";
  return status ?? "notStarted";
}

/** Ended one way or another: nothing more will change without the user doing something. */
export function isFinished(entry: OperationEntry): boolean {
  const status = entryStatus(entry);
  return status === "succeeded" || status === "failed" || status === "problem";
}

/** Every status counted zero times. */
export const noStatusCounts = (): Record<EntryStatus, number> => ({
  notStarted: 0,
  running: 0,
  succeeded: 0,
  failed: 0,
  unknownFutureValue: 0,
  problem: 0,
});

/** A full count (the plain output's; the dashboard keeps `OperationsState.counts` up to date instead). */
export function countByStatus(entries: Iterable<OperationEntry>): Record<EntryStatus, number> {
  const counts = noStatusCounts();
  for (const entry of entries) counts[entryStatus(entry)] += 1;
  return counts;
}
