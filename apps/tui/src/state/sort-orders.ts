import type { EntryStatus } from "./entry-status.js";
import { entryStatus } from "./entry-status.js";
import type { OperationEntry } from "./operations-state.js";

export const sortOrders = ["newest", "recent", "status", "progress"] as const;
export type SortOrder = (typeof sortOrders)[number];

export function nextSortOrder(order: SortOrder): SortOrder {
  return sortOrders[(sortOrders.indexOf(order) + 1) % sortOrders.length] ?? "newest";
}

/** Failures first, then what is moving, then what waits, then what is done. */
const statusRank: Record<EntryStatus, number> = {
  failed: 0,
  problem: 1,
  running: 2,
  unknownFutureValue: 3,
  notStarted: 4,
  succeeded: 5,
};

const createdAt = (entry: OperationEntry) => {
  const created = entry.operation?.createdDateTime;
  const parsed = created === undefined ? Number.NaN : Date.parse(created);
  return Number.isNaN(parsed) ? entry.firstSeenAt : parsed;
};

const comparators: Record<SortOrder, (left: OperationEntry, right: OperationEntry) => number> = {
  recent: (left, right) => right.updatedAt - left.updatedAt,
  newest: (left, right) => createdAt(right) - createdAt(left),
  status: (left, right) => statusRank[entryStatus(left)] - statusRank[entryStatus(right)],
  progress: (left, right) =>
    (right.operation?.percentComplete ?? -1) - (left.operation?.percentComplete ?? -1),
};

/**
 * A stable sort: ties go newest first (within a status, the latest failure leads), then by key, so rows
 * do not jump between renders.
 */
export function sortEntries(entries: readonly OperationEntry[], order: SortOrder): OperationEntry[] {
  const compare = comparators[order];
  return [...entries].sort(
    (left, right) =>
      compare(left, right) || comparators.newest(left, right) || left.key.localeCompare(right.key),
  );
}
