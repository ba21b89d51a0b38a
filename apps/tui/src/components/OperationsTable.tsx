import { Box, Text } from "ink";
import { useDisplay } from "../hooks/use-display.js";
import type { OperationEntry } from "../state/operations-state.js";
import type { SortOrder } from "../state/sort-orders.js";
import type { Column, ColumnId } from "../state/table-layout.js";
import { headings } from "./headings.js";
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
  /** The sorted column is marked in its heading: ▾ its natural order, ▴ reversed. */
  sort: SortOrder;
}

const rightAligned = new Set<ColumnId>(["eta", "age", "lastAction"]);

/** The table: a heading and the rows in view, never more than fit. */
export function OperationsTable(props: OperationsTableProps) {
  const { translate } = useDisplay();
  const { entries, columns, start, height, selectedIndex, now, filtered, sort } = props;
  const visible = entries.slice(start, start + Math.max(0, height));
  return (
    <Box flexDirection="column">
      <Box columnGap={1}>
        <Text> </Text>
        {columns.map(({ id, width }) => (
          <Cell key={id} width={width} bold align={rightAligned.has(id) ? "right" : "left"}>
            {id === sort.column
              ? `${translate(headings[id])}${sort.reversed ? "▴" : "▾"}`
              : translate(headings[id])}
          </Cell>
        ))}
      </Box>
      {visible.length === 0 ? (
        <Text dimColor>{translate(filtered ? "empty.filtered" : "empty.none")}</Text>
      ) : (
        // Rows are keyed by their place in the window, not by operation: a page, a sort or a filter gives
        // the same 42 rows new operations to show (their text changes) instead of unmounting 42 rows and
        // mounting 42 new ones, each a dozen Ink nodes to create, lay out from nothing and free again.
        visible.map((entry, offset) => (
          <OperationRow
            key={offset}
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
