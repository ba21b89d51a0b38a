import stringWidth from "string-width";
import type { MessageKey } from "../i18n/en.js";
import type { Translate } from "../i18n/translator.js";
import { entryStatus } from "../state/entry-status.js";
import type { OperationEntry } from "../state/operations-state.js";
import { describeType } from "./describe-entry.js";
import { formatDuration } from "./duration.js";
import { innerErrorLines } from "./inner-errors.js";
import { statusAppearance } from "./status-appearance.js";
import { terminalSafeJson, terminalText } from "./terminal-text.js";

/** One line of the detail pane as the screen shows it: a label on the first line of a field only. */
export interface DetailRow {
  label?: MessageKey;
  text: string;
  color?: string | undefined;
}

/** Width of the labels' column. */
export const detailLabelWidth = 16;

const clock = (at: number) => new Date(at).toISOString().replace("T", " ").slice(0, 19);

/** Everything known about one operation, one field a line: ids, addresses, error and inner errors, timeline. */
function fieldLines(entry: OperationEntry, translate: Translate, color: boolean): DetailRow[] {
  const operation = entry.operation;
  const status = entryStatus(entry);
  const field = (label: MessageKey, value: string | undefined): DetailRow[] =>
    value === undefined || value === "" ? [] : [{ label, text: value }];
  const lines: DetailRow[] = [
    ...field("detail.id", operation?.id ?? entry.key),
    ...field("detail.kind", operation?.kind),
    ...field("detail.type", describeType(entry)),
    {
      label: "detail.status",
      text: `${statusAppearance[status].symbol} ${translate(`status.${status}`)}${
        operation === undefined || operation.rawStatus === operation.status ? "" : ` (${operation.rawStatus})`
      }`,
      color: color ? statusAppearance[status].color : undefined,
    },
    ...field(
      "detail.progress",
      operation?.percentComplete === undefined ? undefined : `${operation.percentComplete}%`,
    ),
    ...field("detail.statusDetail", operation?.statusDetail),
    ...field("detail.monitor", entry.monitorUrl),
    ...field("detail.resource", operation?.resourceLocation),
    ...field("detail.resourceId", operation?.resourceId),
    ...field("detail.created", operation?.createdDateTime),
    ...field("detail.lastAction", operation?.lastActionDateTime),
    ...field("detail.problem", entry.problem),
    ...field("detail.errorCode", operation?.error?.code),
    ...field("detail.errorMessage", operation?.error?.message),
  ];
  const inner = operation?.error === undefined ? [] : innerErrorLines(operation.error);
  if (inner.length > 0) {
    lines.push({ label: "detail.innerErrors", text: "" }, ...inner.map((text) => ({ text: `  ${text}` })));
  }
  lines.push({ label: "detail.timeline", text: entry.timeline.length === 0 ? translate("detail.none") : "" });
  entry.timeline.forEach((change, index) => {
    const label = translate(`status.${change.status}`);
    const raw = change.rawStatus === change.status ? "" : ` (${change.rawStatus})`;
    const previous = entry.timeline[index - 1];
    const after = previous === undefined ? "" : `  +${formatDuration(change.at - previous.at, translate)}`;
    // `~`: the operation named no time for this change; it is when the dashboard saw it.
    lines.push({
      text: `${change.observed ? "~ " : "  "}${clock(change.at)}  ${statusAppearance[change.status].symbol} ${label}${raw}${after}`,
    });
  });
  return lines;
}

/** The operation as its source sent it (the proxy's JSON, or the monitor's), escaped as JSON escapes. */
function rawLines(entry: OperationEntry): DetailRow[] {
  const raw = entry.operation?.raw ?? {
    key: entry.key,
    monitorUrl: entry.monitorUrl,
    problem: entry.problem,
  };
  return terminalSafeJson(raw, 2)
    .split("\n")
    .map((text) => ({ text }));
}

/** PURE: `text` in pieces at most `width` display cells wide (CJK counts two), at spaces when it can. */
export function wrapText(text: string, width: number): string[] {
  const pieces: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (stringWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== "") pieces.push(line);
    const cut = wrap(word, width);
    line = cut.pop() ?? "";
    pieces.push(...cut);
  }
  pieces.push(line);
  return pieces;
}

/** Cuts `text` into pieces at most `width` display cells wide (CJK counts two). */
function wrap(text: string, width: number): string[] {
  if (stringWidth(text) <= width) return [text];
  const pieces: string[] = [];
  let piece = "";
  let used = 0;
  for (const character of text) {
    const cells = stringWidth(character);
    if (used + cells > width && piece !== "") {
      pieces.push(piece);
      piece = "";
      used = 0;
    }
    piece += character;
    used += cells;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

/**
 * PURE: the detail pane's rows for a pane `width` cells wide inside its border: fields (or the raw JSON),
 * every outside text stripped of terminal control, long values (monitor URLs) wrapped rather than cut.
 */
export function detailRows(
  entry: OperationEntry,
  options: { translate: Translate; color: boolean; raw: boolean; width: number },
): DetailRow[] {
  const lines = options.raw ? rawLines(entry) : fieldLines(entry, options.translate, options.color);
  const valueWidth = Math.max(10, options.raw ? options.width : options.width - detailLabelWidth - 1);
  return lines.flatMap((line) =>
    wrap(terminalText(line.text), valueWidth).map((text, index) =>
      index === 0 ? { ...line, text } : { text, color: line.color },
    ),
  );
}
