import stringWidth from "string-width";
import { formatDuration, elapsedSince } from "../format/duration.js";
import { statusAppearance } from "../format/status-appearance.js";
import type { Translate } from "../i18n/translator.js";
import { countByStatus, entryStatus } from "../state/entry-status.js";
import type { OperationEntry } from "../state/operations-state.js";
import { describeDetail, describeKind } from "../format/describe-entry.js";
import { terminalSafeJson, terminalText } from "../format/terminal-text.js";

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - stringWidth(text)));

/** A plain table for logs and scripts: full ids, no truncation, a summary line; no colour, no cursor moves. */
export function formatPlainTable(
  entries: readonly OperationEntry[],
  translate: Translate,
  now: number,
): string {
  const heading = [
    "column.id",
    "column.kind",
    "column.status",
    "column.progress",
    "column.age",
    "column.detail",
  ] as const;
  const rows = entries.map((entry) => {
    const status = entryStatus(entry);
    const percent = entry.operation?.percentComplete;
    const age = elapsedSince(entry.operation?.createdDateTime ?? entry.firstSeenAt, now);
    // Ids, kinds and details come from the outside world: no terminal control reaches a log or a terminal.
    return [
      terminalText(entry.operation?.id ?? entry.key),
      terminalText(describeKind(entry)),
      `${statusAppearance[status].symbol} ${translate(`status.${status}`)}`,
      percent === undefined ? "" : `${Math.round(percent)}%`,
      age === undefined ? "" : formatDuration(age, translate),
      terminalText(describeDetail(entry)),
    ];
  });
  const table = [heading.map((key) => translate(key).toUpperCase()), ...rows];
  const widths = heading.map((_, column) => Math.max(...table.map((row) => stringWidth(row[column] ?? ""))));
  const lines = table.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : pad(cell, widths[column] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
  const counts = countByStatus(entries);
  const pending = entries.length - counts.succeeded - counts.failed - counts.problem;
  lines.push(
    translate("summary.counts", {
      succeeded: counts.succeeded,
      failed: counts.failed + counts.problem,
      pending,
    }),
  );
  return `${lines.join("\n")}\n`;
}

/**
 * One JSON object a line: the normalised operation (without `raw`), its monitor, and why it cannot be
 * followed. The data is kept whole, control characters escaped as JSON escapes them (C1 ones too).
 */
export function formatNdjson(entries: readonly OperationEntry[]): string {
  return entries
    .map((entry) => {
      const { raw: _raw, ...operation } = entry.operation ?? { raw: undefined };
      return `${terminalSafeJson({ key: entry.key, ...operation, monitorUrl: entry.monitorUrl, problem: entry.problem })}\n`;
    })
    .join("");
}

/** 0 when every listed operation succeeded (an empty list included), 1 otherwise. */
export function exitCodeOf(entries: readonly OperationEntry[]): number {
  return entries.every((entry) => entryStatus(entry) === "succeeded") ? 0 : 1;
}
