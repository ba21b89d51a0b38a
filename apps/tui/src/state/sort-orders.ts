import { describeDetail, describeKind } from "../format/describe-entry.js";
import type { EntryStatus } from "./entry-status.js";
import { entryStatus } from "./entry-status.js";
import type { EntryMap } from "./entry-map.js";
import type { OperationEntry } from "./operations-state.js";
import type { ColumnId } from "./table-layout.js";

/** The columns rows can be sorted by, in the order `s` steps through them. */
export const sortColumns = ["age", "lastAction", "status", "progress", "kind", "id", "detail"] as const;
export type SortColumn = (typeof sortColumns)[number];

/** A column and its direction: each column's natural one (newest, failures, most done, A to Z) or reversed. */
export interface SortOrder {
  column: SortColumn;
  reversed: boolean;
}

export const defaultSort: SortOrder = { column: "age", reversed: false };

export function isSortColumn(column: ColumnId): column is SortColumn {
  return (sortColumns as readonly string[]).includes(column);
}

/** `s`: the next column, in its natural direction. */
export function nextSortColumn(order: SortOrder): SortOrder {
  const next = sortColumns[(sortColumns.indexOf(order.column) + 1) % sortColumns.length] ?? "age";
  return { column: next, reversed: false };
}

/** A click on a heading: sort by it, or reverse it when it already is the sorted column. */
export function sortByColumn(order: SortOrder, column: SortColumn): SortOrder {
  return order.column === column ? { column, reversed: !order.reversed } : { column, reversed: false };
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

const parsedOr = (text: string | undefined, fallback: number) => {
  const parsed = text === undefined ? Number.NaN : Date.parse(text);
  return Number.isNaN(parsed) ? fallback : parsed;
};
const createdAt = (entry: OperationEntry) => parsedOr(entry.operation?.createdDateTime, entry.firstSeenAt);

/** Each column's key, ordered so that ascending is the column's natural direction. */
const sortKeys: Record<SortColumn, (entry: OperationEntry) => number | string> = {
  age: (entry) => -createdAt(entry),
  lastAction: (entry) => -parsedOr(entry.operation?.lastActionDateTime, entry.updatedAt),
  status: (entry) => statusRank[entryStatus(entry)],
  progress: (entry) => -(entry.operation?.percentComplete ?? -1),
  kind: (entry) => describeKind(entry).toLowerCase(),
  id: (entry) => (entry.operation?.id ?? entry.key).toLowerCase(),
  detail: (entry) => describeDetail(entry).toLowerCase(),
};

const compare = (left: number | string, right: number | string) => (left < right ? -1 : left > right ? 1 : 0);

/**
 * Each entry's key for each column, computed once: an entry is never changed (a change is a new entry),
 * so a sort of 10,000 rows after the first parses no date and lowercases no text again.
 */
const keyCaches = Object.fromEntries(
  sortColumns.map((column) => [column, new WeakMap<OperationEntry, number | string>()]),
) as Record<SortColumn, WeakMap<OperationEntry, number | string>>;

function sortKey(entry: OperationEntry, column: SortColumn): number | string {
  const cache = keyCaches[column];
  let key = cache.get(entry);
  if (key === undefined) {
    key = sortKeys[column](entry);
    cache.set(entry, key);
  }
  return key;
}

interface Decorated {
  entry: OperationEntry;
  primary: number | string;
  newest: number;
}

const decorate = (entry: OperationEntry, order: SortOrder): Decorated => ({
  entry,
  primary: sortKey(entry, order.column),
  // The age column's key is minus the creation time: the newest first.
  newest: sortKey(entry, "age") as number,
});

const comparing =
  (order: SortOrder) =>
  (left: Decorated, right: Decorated): number =>
    (order.reversed ? -1 : 1) * compare(left.primary, right.primary) ||
    compare(left.newest, right.newest) ||
    compare(left.entry.key, right.entry.key);

/**
 * A stable sort: ties go newest first (within a status, the latest failure leads), then by key, so rows
 * do not jump between renders. Each row's keys are computed once, not once per comparison.
 */
export function sortEntries(entries: readonly OperationEntry[], order: SortOrder): OperationEntry[] {
  return entries
    .map((entry) => decorate(entry, order))
    .sort(comparing(order))
    .map(({ entry }) => entry);
}

/**
 * PURE: `sortEntries` of `entries`, from `previous` (the same order's result for `previousEntries`): the
 * rows whose entry did not change keep their places, the few that changed (or came) are put back where
 * they belong by binary search, the ones gone are dropped. A frame that changes 5 operations among
 * 10,000 does not sort 10,000 again; when many changed, it sorts.
 */
export function resortEntries(
  previousEntries: EntryMap,
  previous: readonly OperationEntry[],
  entries: EntryMap,
  order: SortOrder,
): OperationEntry[] {
  const changed: OperationEntry[] = [];
  for (const [key, entry] of entries) if (previousEntries.get(key) !== entry) changed.push(entry);
  let removed = 0;
  for (const key of previousEntries.keys()) if (!entries.has(key)) removed += 1;
  if (changed.length === 0 && removed === 0) return [...previous];
  if (changed.length + removed > Math.max(64, entries.size / 20))
    return sortEntries([...entries.values()], order);
  const kept = previous.filter((entry) => entries.get(entry.key) === entry);
  const compareRows = comparing(order);
  for (const entry of changed) {
    const placed = decorate(entry, order);
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = kept[middle];
      if (other !== undefined && compareRows(decorate(other, order), placed) < 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, entry);
  }
  return kept;
}

/** Where `placed` goes in `rows` (sorted by `order`): the first row that does not sort before it. */
function placeOf(rows: readonly OperationEntry[], placed: Decorated, order: SortOrder): number {
  const compareRows = comparing(order);
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = rows[middle];
    if (other !== undefined && compareRows(decorate(other, order), placed) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * PURE: the index of `entry` in `rows` (sorted by `order`), or -1, by binary search: a row's place is
 * found in about 14 comparisons among 10,000, not by reading them all.
 */
export function indexOfEntry(
  rows: readonly OperationEntry[],
  entry: OperationEntry,
  order: SortOrder,
): number {
  const index = placeOf(rows, decorate(entry, order), order);
  return rows[index] === entry ? index : -1;
}

/**
 * PURE: `previous` (the rows of `previousEntries` that `include` keeps, sorted by `order`) brought up to
 * `entries`, which differ from `previousEntries` in the keys `changed` alone: each changed key's old row
 * is taken out and its new one put in its place, both by binary search. The work is proportional to the
 * changes, not to the rows (past a twentieth of them, sorting again is cheaper and is done).
 */
export function updateSorted(
  previous: readonly OperationEntry[],
  previousEntries: EntryMap,
  entries: EntryMap,
  changed: ReadonlySet<string>,
  order: SortOrder,
  include: (entry: OperationEntry) => boolean = () => true,
): OperationEntry[] {
  if (changed.size > Math.max(64, entries.size / 20))
    return sortEntries([...entries.values()].filter(include), order);
  const rows = [...previous];
  for (const key of changed) {
    const old = previousEntries.get(key);
    if (old === undefined) continue;
    const index = indexOfEntry(rows, old, order);
    if (index !== -1) rows.splice(index, 1);
  }
  for (const key of changed) {
    const entry = entries.get(key);
    if (entry === undefined || !include(entry)) continue;
    rows.splice(placeOf(rows, decorate(entry, order), order), 0, entry);
  }
  return rows;
}
