import type { MessageKey } from "../i18n/en.js";
import type { ColumnId } from "../state/table-layout.js";

/** The message of each column's heading. */
export const headings: Record<ColumnId, MessageKey> = {
  id: "column.id",
  kind: "column.kind",
  status: "column.status",
  progress: "column.progress",
  eta: "column.eta",
  age: "column.age",
  lastAction: "column.lastAction",
  detail: "column.detail",
};
