import { Box, Text } from "ink";
import { memo } from "react";
import { describeDetail, describeKind } from "../format/describe-entry.js";
import { shortId } from "../format/short-id.js";
import { statusAppearance } from "../format/status-appearance.js";
import { timeCellText } from "../format/time-cells.js";
import { useDisplay } from "../hooks/use-display.js";
import { entryStatus } from "../state/entry-status.js";
import type { OperationEntry } from "../state/operations-state.js";
import type { Column } from "../state/table-layout.js";
import { Cell } from "./Cell.js";
import { ProgressBar } from "./ProgressBar.js";

export interface OperationRowProps {
  entry: OperationEntry;
  columns: readonly Column[];
  selected: boolean;
  now: number;
}

/** Bright black: every status colour and dim text stay readable on it, in 16-colour terminals too. */
const selectedBackground = "gray";

/** One row; rendered again only when its operation, the columns, the selection or the clock change. */
export const OperationRow = memo(function OperationRow({ entry, columns, selected, now }: OperationRowProps) {
  const { translate, color } = useDisplay();
  const status = entryStatus(entry);
  const appearance = statusAppearance[status];
  const statusColor = color ? appearance.color : undefined;
  const operation = entry.operation;
  const cells = columns.map(({ id, width }) => {
    switch (id) {
      case "id":
        return (
          <Cell key={id} width={width}>
            {shortId(operation?.id ?? entry.key)}
          </Cell>
        );
      case "kind":
        return (
          <Cell key={id} width={width}>
            {describeKind(entry)}
          </Cell>
        );
      case "status":
        return (
          <Cell key={id} width={width} color={statusColor}>
            {`${appearance.symbol} ${translate(`status.${status}`)}`}
          </Cell>
        );
      case "progress":
        return (
          <ProgressBar key={id} width={width} percent={operation?.percentComplete} color={statusColor} />
        );
      case "eta":
      case "age":
      case "lastAction":
        return (
          <Cell key={id} width={width} align="right">
            {timeCellText(id, entry, now, translate)}
          </Cell>
        );
      case "detail":
        return (
          <Cell key={id} width={width} dim={color}>
            {describeDetail(entry)}
          </Cell>
        );
    }
  });
  // The selected row is painted across, gaps included (k9s, lazydocker); without colour the marker is inverse.
  const highlight = selected && color ? selectedBackground : undefined;
  return (
    <Box columnGap={1} height={1} overflow="hidden" backgroundColor={highlight}>
      <Text inverse={selected && !color}>{selected ? "›" : " "}</Text>
      {cells}
    </Box>
  );
});
