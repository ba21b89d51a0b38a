import { elapsedSince, formatDuration } from "../format/duration.js";
import type { DetailRow } from "../format/detail-lines.js";
import { terminalText } from "../format/terminal-text.js";
import { useDisplay } from "../hooks/use-display.js";
import type { Translate } from "../i18n/translator.js";
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

/** PURE: the pane's title at `now`: the operation's id, and its age unless the raw JSON is shown. */
export function detailTitle(entry: OperationEntry, raw: boolean, now: number, translate: Translate): string {
  const age = elapsedSince(entry.operation?.createdDateTime, now);
  const id = terminalText(entry.operation?.id ?? entry.key);
  return (
    translate(raw ? "detail.rawTitle" : "detail.title", { id }) +
    (age === undefined || raw ? "" : `  (${formatDuration(age, translate)})`)
  );
}

/** The detail pane: a window on everything known about one operation, or on its raw JSON. */
export function DetailPane({ entry, rows, scroll, height, width, raw, now }: DetailPaneProps) {
  const { translate } = useDisplay();
  const title = detailTitle(entry, raw, now, translate);
  return (
    <ScrollPane title={title} rows={rows} scroll={scroll} height={height} width={width} labelled={!raw} />
  );
}
