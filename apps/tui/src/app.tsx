import { Box, useApp } from "ink";
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { SchedulerLike } from "rxjs";
import stringWidth from "string-width";
import { ConfirmPrompt } from "./components/ConfirmPrompt.js";
import { DetailPane } from "./components/DetailPane.js";
import { FilterInput } from "./components/FilterInput.js";
import { Header } from "./components/Header.js";
import { HelpBar, describeSort } from "./components/HelpBar.js";
import { HelpOverlay, helpRows } from "./components/HelpOverlay.js";
import { OperationsTable } from "./components/OperationsTable.js";
import { headings } from "./components/headings.js";
import type { Display } from "./context/display-context.js";
import { DisplayContext } from "./context/display-context.js";
import { detailRows } from "./format/detail-lines.js";
import { shortId } from "./format/short-id.js";
import { terminalText } from "./format/terminal-text.js";
import { useKeys } from "./hooks/use-keys.js";
import { useNow } from "./hooks/use-now.js";
import { useOperations } from "./hooks/use-operations.js";
import type { TerminalSize } from "./hooks/use-terminal-size.js";
import { useTerminalSize } from "./hooks/use-terminal-size.js";
import { describeFailure } from "./sources/proxy-errors.js";
import type { OperationSource } from "./sources/operation-source.js";
import { parseFilter } from "./state/entry-filter.js";
import type { EntryStatus } from "./state/entry-status.js";
import type { KeyCommand, ScreenLayout } from "./state/key-bindings.js";
import { isSortColumn } from "./state/sort-orders.js";
import type { ColumnId } from "./state/table-layout.js";
import { layoutColumns } from "./state/table-layout.js";
import type { ViewAction, ViewState } from "./state/view-state.js";
import { initialViewState, reduceView, selectedIndexIn } from "./state/view-state.js";
import type { MouseReports } from "./input/mouse-input.js";
import type { Rows } from "./state/visible-rows.js";
import { nextRows } from "./state/visible-rows.js";
import { windowStart } from "./state/visible-window.js";
import type { OperationsState } from "./state/operations-state.js";
import type { DrawnScreen } from "./screen-changes.js";
import { screenTimeText, stateChangesScreen } from "./screen-changes.js";

export interface AppProps {
  source: OperationSource;
  display: Display;
  /** Shown in the header: the proxy a second client may call meanwhile (the demo's address and key). */
  endpoint?: { proxyUrl: string; apiKey: string } | undefined;
  /** A fixed size instead of the terminal's (tests). */
  size?: TerminalSize;
  renderIntervalMs?: number;
  scheduler?: SchedulerLike;
  now?: () => number;
  /** Writes to the terminal outside the frame: the clipboard's OSC 52. Default: none. */
  output?: (text: string) => void;
  /** Told the exit status before the dashboard unmounts: 0 for q, 130 for Ctrl-C. */
  onQuit?: (status: number) => void;
  /** How long a flash line stays. */
  flashMs?: number;
  /** The terminal's mouse reports (wheel, clicks), which Ink's input does not carry. */
  mouse?: MouseReports | undefined;
}

const statuses: readonly EntryStatus[] = [
  "notStarted",
  "running",
  "succeeded",
  "failed",
  "unknownFutureValue",
  "problem",
];

/** Rows above the table: the header's two lines, then the table's headings. */
const headerRows = 2;

/** OSC 52: the terminal puts the text on the system clipboard (tmux passes it on with set-clipboard). */
const clipboardSequence = (text: string) =>
  `\u001B]52;c;${Buffer.from(text, "utf8").toString("base64")}\u0007`;

/** The dashboard: header, table (or detail pane, or help), footer. Never taller than the terminal. */
export function App(props: AppProps) {
  return (
    <DisplayContext.Provider value={props.display}>
      <Dashboard {...props} />
    </DisplayContext.Provider>
  );
}

function Dashboard({
  source,
  display,
  endpoint,
  size,
  renderIntervalMs,
  scheduler,
  now = Date.now,
  output,
  onQuit,
  flashMs = 3000,
  mouse,
}: AppProps) {
  const { exit } = useApp();
  const { translate, color } = display;
  const { columns, rows } = useTerminalSize(size);
  // A new state or a clock tick draws a frame only when it changes what the screen shows (see below).
  const stateShows = useRef<(state: OperationsState) => boolean>(undefined);
  const timeShows = useRef<(time: number) => boolean>(undefined);
  const { state, failure } = useOperations(source, { renderIntervalMs, scheduler, now, shows: stateShows });
  const time = useNow(1000, now, timeShows);
  const [view, dispatch] = useReducer(reduceView, initialViewState);
  const start = useRef(0);

  // The rows follow each batch's changed keys alone (state/visible-rows): a batch that changes 3 of
  // 10,000 operations moves 3 rows, a key that only moves the selection sorts and filters nothing, and
  // the header's counts are kept by the reducer, never recounted.
  const filter = useMemo(() => parseFilter(view.filter, translate), [view.filter, translate]);
  const lastRows = useRef<Rows>(undefined);
  const rowsNow = useMemo(
    () => nextRows(lastRows.current, { state, sort: view.sort, filter, hideFinished: view.hideFinished }),
    [state, view.sort, filter, view.hideFinished],
  );
  lastRows.current = rowsNow;
  const { shown: entries, keys } = rowsNow;
  const counts = state.counts;
  const headingWidths = useMemo(
    () =>
      Object.fromEntries(
        // One more cell for the sort marker (▾).
        Object.entries(headings).map(([id, key]) => [id, stringWidth(translate(key)) + 1]),
      ) as Record<ColumnId, number>,
    [translate],
  );
  const statusWidth = useMemo(
    () => 2 + Math.max(...statuses.map((status) => stringWidth(translate(`status.${status}`)))),
    [translate],
  );
  const selectedIndex = selectedIndexIn(view, keys);
  const selected = entries[selectedIndex];
  // Rows inserted or removed above move the selected row: its new place is where a vanished row leaves
  // the selection, on the row that took its place, which is then followed as any selection (not while a
  // filter is being typed, which hides and shows rows at every key).
  // Adjusted while rendering, not in an effect after it: React renders again at once and commits once,
  // so the key that moved the rows draws one frame, not a second one the same a few milliseconds later.
  const shownKey = keys.at(selectedIndex);
  if (
    view.selectedKey !== undefined &&
    shownKey !== undefined &&
    view.mode !== "filter" &&
    (selectedIndex !== view.selectedIndex || shownKey !== view.selectedKey)
  ) {
    dispatch({ type: "track", index: selectedIndex, key: shownKey, was: view.selectedKey });
  }
  const tableHeight = Math.max(1, rows - headerRows - 3);
  start.current = windowStart(selectedIndex, start.current, tableHeight, entries.length);

  const width = Math.max(10, columns - 1);
  const tableColumns = useMemo(
    () => layoutColumns(width - 2, statusWidth, headingWidths),
    [width, statusWidth, headingWidths],
  );
  const detailHeight = Math.max(1, rows - headerRows - 2 - 3);
  const paneWidth = Math.min(width, view.mode === "help" ? 100 : width);
  const detail = useMemo(
    () =>
      view.mode === "detail" && selected !== undefined
        ? detailRows(selected, { translate, color, raw: view.raw, width: paneWidth - 4 })
        : view.mode === "help"
          ? helpRows(translate, paneWidth - 4)
          : [],
    [view.mode, view.raw, selected, translate, color, paneWidth],
  );
  const detailMax = Math.max(0, detail.length - detailHeight);
  // Where things are on screen, for the mouse (cheap: one entry per column).
  const layout = ((): ScreenLayout => {
    let x = 3;
    const spans = tableColumns.map(({ id, width: cells }) => {
      const span = { id: isSortColumn(id) ? id : undefined, from: x, to: x + cells - 1 };
      x += cells + 1;
      return span;
    });
    return {
      headingY: headerRows + 1,
      firstRowY: headerRows + 2,
      windowStart: start.current,
      rowsShown: Math.max(0, Math.min(tableHeight, entries.length - start.current)),
      columns: spans,
    };
  })();

  const flash = useCallback(
    (message: string, tone: "info" | "error" = "info") => dispatch({ type: "flash", message, tone }),
    [],
  );
  const flashId = view.flash?.id;
  useEffect(() => {
    if (flashId === undefined) return;
    const timer = setTimeout(() => dispatch({ type: "clearFlash", id: flashId }), flashMs);
    return () => clearTimeout(timer);
  }, [flashId, flashMs]);
  // A short confirmation of a change of order or of what is shown, so a key never goes unanswered;
  // dispatched with the keys' own actions, so the change and its flash line are one frame.
  const announce = useCallback(
    (before: ViewState, after: ViewState) => {
      if (after.sort !== before.sort) {
        flash(translate("flash.sorted", { sort: describeSort(after.sort, translate) }));
      }
      if (after.hideFinished !== before.hideFinished) {
        flash(translate(after.hideFinished ? "flash.finishedHidden" : "flash.finishedShown"));
      }
    },
    [flash, translate],
  );

  const idOf = useCallback(
    (key: string) => terminalText(state.entries.get(key)?.operation?.id ?? key),
    [state.entries],
  );
  const perform = useCallback(
    (command: Exclude<KeyCommand, ViewAction>) => {
      switch (command.type) {
        case "quit":
          onQuit?.(command.status);
          exit();
          return;
        case "copy": {
          const id = idOf(command.key);
          output?.(clipboardSequence(id));
          flash(translate("flash.copied", { id }));
          return;
        }
        case "reconnect":
          flash(translate(source.reconnect() ? "flash.reconnecting" : "flash.nothingToReconnect"));
          return;
        case "stop": {
          const id = shortId(idOf(command.key));
          flash(translate("flash.stopping", { id }));
          source.stop(command.key).then(
            () => flash(translate("flash.stopped", { id })),
            (error: unknown) =>
              flash(translate("notice.stopFailed", { id, message: describeFailure(error) }), "error"),
          );
          return;
        }
      }
    },
    [onQuit, exit, idOf, output, flash, translate, source],
  );
  useKeys(
    {
      view,
      keys,
      pageSize: tableHeight,
      detailPage: detailHeight,
      detailMax,
      layout,
      dispatch,
      perform,
      announce,
    },
    true,
    mouse,
  );

  // What this frame shows. Ink draws the whole screen again for every render (layout, every cell of the
  // frame): an update to an operation out of view, or a clock tick that moves no text in view (ages in
  // minutes change once a minute), is kept for the next frame instead of drawing one that is the same.
  useEffect(() => {
    const drawn: DrawnScreen = {
      state,
      view,
      sort: view.sort,
      filter,
      hideFinished: view.hideFinished,
      selectedIndex,
      start: start.current,
      height: tableHeight,
      inView: entries.slice(start.current, start.current + tableHeight),
      selected,
      rowCount: entries.length,
      columns: tableColumns,
    };
    stateShows.current = (next) => {
      const { rows, changes } = stateChangesScreen(drawn, next, lastRows.current);
      lastRows.current = rows;
      return changes;
    };
    let drawnTimes: string | undefined;
    timeShows.current = (at) => {
      drawnTimes ??= screenTimeText(drawn, time, translate);
      return screenTimeText(drawn, at, translate) !== drawnTimes;
    };
  });

  const confirmEntry = view.confirmKey === undefined ? undefined : state.entries.get(view.confirmKey);
  const footer =
    view.mode === "filter" ? (
      <FilterInput value={view.filter} />
    ) : view.mode === "confirm" && view.confirmKey !== undefined ? (
      <ConfirmPrompt
        id={shortId(terminalText(confirmEntry?.operation?.id ?? view.confirmKey))}
        deletes={source.mode === "proxy"}
      />
    ) : (
      <HelpBar
        width={width}
        mode={view.mode}
        sort={view.sort}
        hideFinished={view.hideFinished}
        flash={view.flash}
      />
    );
  const pane =
    view.mode === "help" ? (
      <HelpOverlay
        rows={detail}
        scroll={Math.min(view.detailScroll, detailMax)}
        height={detailHeight}
        width={paneWidth}
      />
    ) : view.mode === "detail" && selected !== undefined ? (
      <DetailPane
        entry={selected}
        rows={detail}
        scroll={Math.min(view.detailScroll, detailMax)}
        height={detailHeight}
        width={width}
        raw={view.raw}
        now={time}
      />
    ) : undefined;
  // The table stays mounted under a pane, hidden: Esc shows its rows again instead of making them anew.
  const body = (
    <>
      {pane}
      <Box flexDirection="column" display={pane === undefined ? "flex" : "none"}>
        <OperationsTable
          entries={entries}
          columns={tableColumns}
          start={start.current}
          height={tableHeight}
          selectedIndex={selectedIndex}
          now={time}
          filtered={view.filter !== "" || view.hideFinished}
          sort={view.sort}
        />
      </Box>
    </>
  );
  return (
    <Box flexDirection="column" width={width} height={Math.max(1, rows - 1)}>
      <Header
        key="header"
        counts={counts}
        total={state.entries.size}
        shown={entries.length}
        connection={state.connection}
        connectionElapsedMs={Math.max(0, time - state.connectionAt)}
        failure={failure}
        filter={view.mode === "filter" ? "" : view.filter}
        endpoint={endpoint}
        width={width}
      />
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {body}
      </Box>
      <Box flexShrink={0}>{footer}</Box>
    </Box>
  );
}
