import type { EntryFilter } from "./entry-filter.js";
import { isFinished } from "./entry-status.js";
import type { OperationEntry, OperationsState } from "./operations-state.js";
import type { SortOrder } from "./sort-orders.js";
import { indexOfEntry, resortEntries, sortEntries, updateSorted } from "./sort-orders.js";

/** What the table's rows are made from: the operations, their order and what is hidden. */
export interface RowsInput {
  state: OperationsState;
  sort: SortOrder;
  filter: EntryFilter;
  hideFinished: boolean;
}

/** The keys of the rows shown, in order, without a list of 10,000 strings built for every frame. */
export interface RowKeys {
  readonly length: number;
  /** The key of the row at `index` (undefined outside the rows, negative indices included). */
  at(index: number): string | undefined;
  /** The index of the row of `key`, or -1 when it is not shown. */
  indexOf(key: string): number;
}

export interface Rows {
  input: RowsInput;
  /** Every operation, sorted. */
  sorted: readonly OperationEntry[];
  /** The rows shown: `sorted` less what the filter and `f` hide (`sorted` itself when nothing is). */
  shown: readonly OperationEntry[];
  keys: RowKeys;
}

const keysOf = (shown: readonly OperationEntry[], input: RowsInput): RowKeys => ({
  length: shown.length,
  at: (index) => (index >= 0 ? shown[index]?.key : undefined),
  indexOf: (key) => {
    const entry = input.state.entries.get(key);
    return entry === undefined ? -1 : indexOfEntry(shown, entry, input.sort);
  },
});

/**
 * PURE: the table's rows for `input`, from `previous` (the rows of the input before). When the operations
 * moved on by one batch, only that batch's changed keys are taken out and put back (in the sorted list,
 * and in the shown list when the filter and `f` are the same); a key that moves the selection changes no
 * input and costs nothing here. A new sort sorts, a new filter filters the sorted list once.
 */
export function nextRows(previous: Rows | undefined, input: RowsInput): Rows {
  if (
    previous !== undefined &&
    previous.input.state === input.state &&
    previous.input.sort === input.sort &&
    previous.input.filter === input.filter &&
    previous.input.hideFinished === input.hideFinished
  ) {
    return previous;
  }
  const sorted = sortedRows(previous, input);
  const shown = shownRows(previous, input, sorted);
  return { input, sorted, shown, keys: keysOf(shown, input) };
}

/** The state is the one after `before`'s by a single batch: its `changed` keys are all that differ. */
const oneBatchOn = (before: OperationsState, state: OperationsState) =>
  before.revision + 1 === state.revision;

function sortedRows(previous: Rows | undefined, input: RowsInput): readonly OperationEntry[] {
  const { state, sort } = input;
  if (previous === undefined || previous.input.sort !== sort)
    return sortEntries([...state.entries.values()], sort);
  const before = previous.input.state;
  if (before === state) return previous.sorted;
  if (oneBatchOn(before, state))
    return updateSorted(previous.sorted, before.entries, state.entries, state.changed, sort);
  // Renders can skip a state: then the entries are compared (rare; still no sort of what did not change).
  return resortEntries(before.entries, previous.sorted, state.entries, sort);
}

function shownRows(
  previous: Rows | undefined,
  input: RowsInput,
  sorted: readonly OperationEntry[],
): readonly OperationEntry[] {
  const { state, sort, filter, hideFinished } = input;
  if (filter.empty && !hideFinished) return sorted;
  const include = (entry: OperationEntry) => !(hideFinished && isFinished(entry)) && filter.matches(entry);
  const same =
    previous !== undefined &&
    previous.input.sort === sort &&
    previous.input.filter === filter &&
    previous.input.hideFinished === hideFinished;
  if (!same) return sorted.filter(include);
  const before = previous.input.state;
  if (before === state) return previous.shown;
  if (oneBatchOn(before, state))
    return updateSorted(previous.shown, before.entries, state.entries, state.changed, sort, include);
  return sorted.filter(include);
}
