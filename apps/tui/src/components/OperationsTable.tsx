import { Box, Text } from "ink";
import { useDisplay } from "../hooks/use-display.js";
import type { MessageKey } from "../i18n/en.js";
import type { OperationEntry } from "../state/operations-state.js";
import type { Column, ColumnId } from "../state/table-layout.js";
import { Cell } from "./Cell.js";
import { OperationRow } from "./OperationRow.js";

export interface OperationsTableProps {
  entries: readonly OperationEntry[];
  columns: readonly Column[];
  /** Index of the first rendered row: only `height` rows from there are rendered. */
  start: number;
  height: number;
  selectedIndex: number;
  now: number;
  filtered: boolean;
}

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

const rightAligned = new Set<ColumnId>(["eta", "age", "lastAction"]);

/** The table: a heading and the rows in view, never more than fit. */
export function OperationsTable(props: OperationsTableProps) {
  const { translate } = useDisplay();
  const { entries, columns, start, height, selectedIndex, now, filtered } = props;
  const visible = entries.slice(start, start + Math.max(0, height));
  return (
    <Box flexDirection="column">
      <Box columnGap={1}>
        <Text> </Text>
        {columns.map(({ id, width }) => (
          <Cell key={id} width={width} bold align={rightAligned.has(id) ? "right" : "left"}>
            {translate(headings[id])}
          </Cell>
        ))}
      </Box>
      {visible.length === 0 ? (
        <Text dimColor>{translate(filtered ? "empty.filtered" : "empty.none")}</Text>
      ) : (
        visible.map((entry, offset) => (
          <OperationRow
            key={entry.key}
            entry={entry}
            columns={columns}
            selected={start + offset === selectedIndex}
            now={now}
          />
        ))
      )}
    </Box>
  );
}
