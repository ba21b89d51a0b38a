import type { Translate } from "../i18n/translator.js";
import type { EntryStatus } from "../state/entry-status.js";
import { entryStatus } from "../state/entry-status.js";
import type { OperationEntry } from "../state/operations-state.js";
import type { Column } from "../state/table-layout.js";
import { describeDetail, describeKind } from "./describe-entry.js";
import { shortId } from "./short-id.js";
import { statusAppearance } from "./status-appearance.js";
import { terminalText } from "./terminal-text.js";
import { timeCellText } from "./time-cells.js";

/**
 * A run of a row's text drawn in one style: `plain` text, the `status` cell (its colour), the progress
 * bar's `filled` and `empty` parts, the `detail` (dim).
 */
export interface RowSegment {
  part: "plain" | "status" | "filled" | "empty" | "detail";
  text: string;
}

const printableAscii = /^[\u0020-\u007E]*$/;

/** `text` in exactly `width` cells, cut with an ellipsis as Ink's `truncate-end` cuts (ASCII only). */
function fit(text: string, width: number, align: "left" | "right", pad = true): string {
  if (text.length > width) return width < 1 ? "" : `${text.slice(0, width - 1)}…`;
  return align === "right" ? text.padStart(width) : pad ? text.padEnd(width) : text;
}

/**
 * PURE: the row of `entry` after its marker, as runs of one style each, every column at its width and one
 * space between columns: what the row of a cell per column shows, drawn in a few texts instead of a box
 * and a text per cell (a fifth of the nodes for Ink to lay out and draw). Only for rows whose texts are
 * printable ASCII, whose widths are their lengths (the status, drawn on its own, is measured by
 * `statusWidth`): undefined otherwise, and the row is drawn a cell per column.
 */
export function rowSegments(
  entry: OperationEntry,
  columns: readonly Column[],
  now: number,
  translate: Translate,
  statusWidth: (text: string) => number,
): RowSegment[] | undefined {
  const segments: RowSegment[] = [];
  // Runs of one style next to each other are one text: a row is as few texts as its styles allow.
  const add = (part: RowSegment["part"], text: string) => {
    const last = segments.at(-1);
    if (last !== undefined && last.part === part) last.text += text;
    else segments.push({ part, text });
  };
  const ascii = (text: string) => (printableAscii.test(text) ? text : undefined);
  const operation = entry.operation;
  const lastColumn = columns.at(-1);
  for (const column of columns) {
    const { id, width } = column;
    // Blank cells after the last text of a line are not drawn: the last column is not padded.
    const pad = column !== lastColumn;
    // One cell between columns, the marker's column included.
    add("plain", " ");
    switch (id) {
      case "id":
      case "kind":
      case "detail": {
        const text = ascii(
          terminalText(
            id === "id"
              ? shortId(operation?.id ?? entry.key)
              : id === "kind"
                ? describeKind(entry)
                : describeDetail(entry),
          ),
        );
        if (text === undefined) return undefined;
        add(id === "detail" ? "detail" : "plain", fit(text, width, "left", pad));
        break;
      }
      case "status": {
        const status: EntryStatus = entryStatus(entry);
        const text = terminalText(`${statusAppearance[status].symbol} ${translate(`status.${status}`)}`);
        const cells = statusWidth(text);
        if (cells > width) return undefined;
        add("status", text);
        if (pad) add("plain", " ".repeat(width - cells));
        break;
      }
      case "progress": {
        const percent = operation?.percentComplete;
        const label = percent === undefined ? "" : `${Math.round(percent)}%`.padStart(4);
        const barWidth = Math.max(0, width - 5);
        if (percent === undefined || barWidth < 3) {
          add("plain", pad ? label.padEnd(width) : label);
          break;
        }
        const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * barWidth);
        if (filled > 0) add("filled", "█".repeat(filled));
        if (barWidth > filled) add("empty", "░".repeat(barWidth - filled));
        add("plain", ` ${label}`);
        break;
      }
      case "eta":
      case "age":
      case "lastAction": {
        const text = ascii(terminalText(timeCellText(id, entry, now, translate)));
        if (text === undefined) return undefined;
        add("plain", fit(text, width, "right"));
        break;
      }
    }
  }
  return segments.filter((segment) => segment.text !== "");
}
