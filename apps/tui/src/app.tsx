import { Box, useApp } from "ink";
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { SchedulerLike } from "rxjs";
import stringWidth from "string-width";
import { ConfirmPrompt } from "./components/ConfirmPrompt.js";
import { DetailPane } from "./components/DetailPane.js";
import { FilterInput } from "./components/FilterInput.js";
import { Header } from "./components/Header.js";
import { HelpBar } from "./components/HelpBar.js";
import { HelpOverlay } from "./components/HelpOverlay.js";
import { OperationsTable, headings } from "./components/OperationsTable.js";
import type { Display } from "./context/display-context.js";
import { DisplayContext } from "./context/display-context.js";
import { useKeys } from "./hooks/use-keys.js";
import { useNow } from "./hooks/use-now.js";
import { useOperations } from "./hooks/use-operations.js";
import type { TerminalSize } from "./hooks/use-terminal-size.js";
import { useTerminalSize } from "./hooks/use-terminal-size.js";
import { shortId } from "./format/short-id.js";
import { describeFailure } from "./sources/proxy-errors.js";
import type { OperationSource } from "./sources/operation-source.js";
import type { EntryStatus } from "./state/entry-status.js";
import { countByStatus } from "./state/entry-status.js";
import type { ColumnId } from "./state/table-layout.js";
import { layoutColumns } from "./state/table-layout.js";
import { initialViewState, reduceView, selectedIndexIn } from "./state/view-state.js";
import { visibleEntries } from "./state/visible-entries.js";
import { windowStart } from "./state/visible-window.js";

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
}

const statuses: readonly EntryStatus[] = [
  "notStarted",
  "running",
  "succeeded",
  "failed",
  "unknownFutureValue",
  "problem",
];

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
}: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(size);
  const { state, failure } = useOperations(source, { renderIntervalMs, scheduler, now });
  const time = useNow(1000, now);
  const [view, dispatch] = useReducer(reduceView, initialViewState);
  const start = useRef(0);

  const entries = useMemo(() => visibleEntries(state, view, display.translate), [state, view, display]);
  const keys = useMemo(() => entries.map((entry) => entry.key), [entries]);
  const counts = useMemo(() => countByStatus(state.entries.values()), [state]);
  const headingWidths = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(headings).map(([id, key]) => [id, stringWidth(display.translate(key))]),
      ) as Record<ColumnId, number>,
    [display],
  );
  const statusWidth = useMemo(
    () => 2 + Math.max(...statuses.map((status) => stringWidth(display.translate(`status.${status}`)))),
    [display],
  );
  const selectedIndex = selectedIndexIn(view, keys);
  const selected = entries[selectedIndex];
  // Rows inserted or removed above move the selected row: its new place is where a vanished row leaves
  // the selection, on the row that took its place, which is then followed as any selection (not while a
  // filter is being typed, which hides and shows rows at every key).
  const shownKey = keys[selectedIndex];
  useEffect(() => {
    if (view.selectedKey === undefined || shownKey === undefined || view.mode === "filter") return;
    dispatch({ type: "track", index: selectedIndex, key: shownKey, was: view.selectedKey });
  }, [view.selectedKey, view.mode, shownKey, selectedIndex]);
  const tableHeight = Math.max(1, rows - 5);
  start.current = windowStart(selectedIndex, start.current, tableHeight, entries.length);

  const stop = useCallback(
    (key: string) => {
      source.stop(key).catch((error: unknown) =>
        dispatch({
          type: "notice",
          message: display.translate("notice.stopFailed", {
            id: shortId(key),
            message: describeFailure(error),
          }),
        }),
      );
    },
    [source, display],
  );
  useKeys({
    view,
    keys,
    pageSize: tableHeight,
    dispatch,
    quit: exit,
    stop,
  });

  const width = Math.max(10, columns - 1);
  const confirmEntry = view.confirmKey === undefined ? undefined : state.entries.get(view.confirmKey);
  const footer =
    view.mode === "filter" ? (
      <FilterInput value={view.filter} />
    ) : view.mode === "confirm" && view.confirmKey !== undefined ? (
      <ConfirmPrompt
        id={shortId(confirmEntry?.operation?.id ?? view.confirmKey)}
        deletes={source.mode === "proxy"}
      />
    ) : (
      <HelpBar
        width={width}
        mode={view.mode}
        sort={view.sort}
        hideFinished={view.hideFinished}
        notice={view.notice}
      />
    );
  const body =
    view.mode === "help" ? (
      <HelpOverlay width={width} />
    ) : view.mode === "detail" && selected !== undefined ? (
      <DetailPane entry={selected} width={width} height={rows - 4} now={time} />
    ) : (
      <OperationsTable
        entries={entries}
        columns={layoutColumns(width - 2, statusWidth, headingWidths)}
        start={start.current}
        height={tableHeight}
        selectedIndex={selectedIndex}
        now={time}
        filtered={view.filter !== "" || view.hideFinished}
      />
    );
  return (
    <Box flexDirection="column" width={width} height={Math.max(1, rows - 1)}>
      <Header
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
      {footer}
    </Box>
  );
}
