import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { memo } from "react";
import stringWidth from "string-width";
import { describeDetail, describeKind } from "../format/describe-entry.js";
import type { RowSegment } from "../format/row-segments.js";
import { rowSegments } from "../format/row-segments.js";
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

/** The status texts' widths (a handful of them: a symbol and a translated word). */
const statusWidths = new Map<string, number>();
function statusWidth(text: string): number {
  let width = statusWidths.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    statusWidths.set(text, width);
  }
  return width;
}

/**
 * One row; rendered again only when its operation, the columns, the selection or the clock change. A row
 * whose texts are printable ASCII (nearly all) is a few texts, one per style (see `rowSegments`); any
 * other is a box and a text per cell, where Ink measures and cuts each text.
 */
export const OperationRow = memo(function OperationRow({ entry, columns, selected, now }: OperationRowProps) {
  const { translate, color } = useDisplay();
  const segments = rowSegments(entry, columns, now, translate, statusWidth);
  // The selected row is painted across, gaps included (k9s, lazydocker); without colour the marker is inverse.
  const highlight = selected && color ? selectedBackground : undefined;
  const marker = <Text inverse={selected && !color}>{selected ? "›" : " "}</Text>;
  if (segments !== undefined) {
    const statusColor = color ? statusAppearance[entryStatus(entry)].color : undefined;
    const styleOf = (part: RowSegment["part"]) =>
      part === "status" || part === "filled"
        ? { color: statusColor }
        : part === "empty" || part === "detail"
          ? { dimColor: color }
          : {};
    return (
      <Box height={1} overflow="hidden" backgroundColor={highlight}>
        {marker}
        {segments.map(({ part, text }, index) => (
          <Text key={index} wrap="truncate-end" {...styleOf(part)}>
            {text}
          </Text>
        ))}
      </Box>
    );
  }
  return <CellsRow entry={entry} columns={columns} highlight={highlight} marker={marker} now={now} />;
});

/** The row as a box and a text per cell (exported for the test that holds both forms to one screen). */
export function CellsRow({
  entry,
  columns,
  highlight,
  marker,
  now,
}: Omit<OperationRowProps, "selected"> & { highlight: string | undefined; marker: ReactNode }) {
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
  return (
    <Box columnGap={1} height={1} overflow="hidden" backgroundColor={highlight}>
      {marker}
      {cells}
    </Box>
  );
}
