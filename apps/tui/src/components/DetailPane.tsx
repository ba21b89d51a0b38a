import { elapsedSince, formatDuration } from "../format/duration.js";
import type { DetailRow } from "../format/detail-lines.js";
import { terminalText } from "../format/terminal-text.js";
import { useDisplay } from "../hooks/use-display.js";
import type { OperationEntry } from "../state/operations-state.js";
import { ScrollPane } from "./ScrollPane.js";

export interface DetailPaneProps {
  entry: OperationEntry;
  /** Every row of the pane (see `detailRows`); `scroll` is the first one shown, `height` how many. */
  rows: readonly DetailRow[];
  scroll: number;
  height: number;
  width: number;
  raw: boolean;
  now: number;
}

/** The detail pane: a window on everything known about one operation, or on its raw JSON. */
export function DetailPane({ entry, rows, scroll, height, width, raw, now }: DetailPaneProps) {
  const { translate } = useDisplay();
  const age = elapsedSince(entry.operation?.createdDateTime, now);
  const id = terminalText(entry.operation?.id ?? entry.key);
  const title =
    translate(raw ? "detail.rawTitle" : "detail.title", { id }) +
    (age === undefined || raw ? "" : `  (${formatDuration(age, translate)})`);
  return (
    <ScrollPane title={title} rows={rows} scroll={scroll} height={height} width={width} labelled={!raw} />
  );
}
