import { Box, Text } from "ink";
import { terminalText } from "../format/terminal-text.js";

export interface CellProps {
  width: number;
  children: string;
  color?: string | undefined;
  bold?: boolean;
  dim?: boolean;
  align?: "left" | "right";
}

/**
 * One table cell: exactly `width` cells wide, cut with an ellipsis when the text is longer. Cells show
 * text from the outside world (ids, details, errors): terminal control is stripped here, always.
 */
export function Cell({ width, children, color, bold, dim, align = "left" }: CellProps) {
  return (
    <Box width={width} flexShrink={0} justifyContent={align === "right" ? "flex-end" : "flex-start"}>
      <Text wrap="truncate-end" color={color} bold={bold} dimColor={dim}>
        {terminalText(children)}
      </Text>
    </Box>
  );
}
