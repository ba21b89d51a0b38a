import type { Translate } from "../i18n/translator.js";
import type { OperationEntry } from "../state/operations-state.js";
import type { ColumnId } from "../state/table-layout.js";
import { elapsedSince, formatDuration } from "./duration.js";
import { estimateRemaining } from "./estimate.js";

/** The columns whose text moves with the clock. */
export type TimeColumnId = Extract<ColumnId, "eta" | "age" | "lastAction">;

export const isTimeColumn = (id: ColumnId): id is TimeColumnId =>
  id === "eta" || id === "age" || id === "lastAction";

/** PURE: the text of a row's time cell at `now` (`12s`, `5m`; empty when there is nothing to show). */
export function timeCellText(
  id: TimeColumnId,
  entry: OperationEntry,
  now: number,
  translate: Translate,
): string {
  const operation = entry.operation;
  const milliseconds =
    id === "eta"
      ? estimateRemaining(entry, now)
      : id === "age"
        ? elapsedSince(operation?.createdDateTime ?? entry.firstSeenAt, now)
        : elapsedSince(operation?.lastActionDateTime ?? entry.updatedAt, now);
  return milliseconds === undefined ? "" : formatDuration(milliseconds, translate);
}
