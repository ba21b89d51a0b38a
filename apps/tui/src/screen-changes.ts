import { describeConnection } from "./components/Header.js";
import { detailTitle } from "./components/DetailPane.js";
import { isTimeColumn, timeCellText } from "./format/time-cells.js";
import type { Translate } from "./i18n/translator.js";
import type { EntryFilter } from "./state/entry-filter.js";
import type { OperationEntry, OperationsState } from "./state/operations-state.js";
import type { SortOrder } from "./state/sort-orders.js";
import type { Column } from "./state/table-layout.js";
import type { Mode, ViewState } from "./state/view-state.js";
import { selectedIndexIn } from "./state/view-state.js";
import type { Rows } from "./state/visible-rows.js";
import { nextRows } from "./state/visible-rows.js";
import { windowStart } from "./state/visible-window.js";

/** What a drawn frame showed: enough to tell whether a new state or a clock tick would change it. */
export interface DrawnScreen {
  state: OperationsState;
  view: ViewState;
  sort: SortOrder;
  filter: EntryFilter;
  hideFinished: boolean;
  /** The index of the selected row among the rows shown, and the first row in view. */
  selectedIndex: number;
  start: number;
  /** How many rows the table has room for. */
  height: number;
  /** The rows in view, from `start`. */
  inView: readonly OperationEntry[];
  selected: OperationEntry | undefined;
  rowCount: number;
  columns: readonly Column[];
}

const sameCounts = (a: OperationsState["counts"], b: OperationsState["counts"]) =>
  (Object.keys(a) as (keyof typeof a)[]).every((status) => a[status] === b[status]);

/**
 * PURE: whether `next` changes what `drawn` shows (the header's counts, total and connection, the rows in
 * view, the selection or the operation in the detail pane), with the rows of `next` (from `previous`, by
 * the batch's changed keys alone). An update to an operation out of view changes nothing on screen.
 */
export function stateChangesScreen(
  drawn: DrawnScreen,
  next: OperationsState,
  previous: Rows | undefined,
): { rows: Rows; changes: boolean } {
  const { sort, filter, hideFinished, height } = drawn;
  const rows = nextRows(previous, { state: next, sort, filter, hideFinished });
  const before = drawn.state;
  if (
    next.connection !== before.connection ||
    next.connectionAt !== before.connectionAt ||
    next.listed !== before.listed ||
    next.entries.size !== before.entries.size ||
    !sameCounts(next.counts, before.counts) ||
    rows.shown.length !== drawn.rowCount
  ) {
    return { rows, changes: true };
  }
  const selectedIndex = selectedIndexIn(drawn.view, rows.keys);
  if (selectedIndex !== drawn.selectedIndex || rows.shown[selectedIndex] !== drawn.selected) {
    return { rows, changes: true };
  }
  const start = windowStart(selectedIndex, drawn.start, height, rows.shown.length);
  if (start !== drawn.start) return { rows, changes: true };
  for (let offset = 0; offset < drawn.inView.length; offset += 1) {
    if (rows.shown[start + offset] !== drawn.inView[offset]) return { rows, changes: true };
  }
  return { rows, changes: false };
}

const showsTable = (mode: Mode) => mode !== "detail" && mode !== "help";

/**
 * PURE: every text on screen that moves with the clock, at `now`: the connection's countdown, the time
 * cells of the rows in view, the detail pane's age. A tick that leaves it as it was changes nothing.
 */
export function screenTimeText(drawn: DrawnScreen, now: number, translate: Translate): string {
  const { state, view } = drawn;
  const texts = [describeConnection(state.connection, translate, Math.max(0, now - state.connectionAt))];
  if (view.mode === "detail" && drawn.selected !== undefined) {
    texts.push(detailTitle(drawn.selected, view.raw, now, translate));
  } else if (showsTable(view.mode)) {
    const timeColumns = drawn.columns.map((column) => column.id).filter(isTimeColumn);
    for (const entry of drawn.inView) {
      for (const id of timeColumns) texts.push(timeCellText(id, entry, now, translate));
    }
  }
  return texts.join("\n");
}
