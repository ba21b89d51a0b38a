import { Box, Text } from "ink";

export interface CellProps {
  width: number;
  children: string;
  color?: string | undefined;
  bold?: boolean;
  dim?: boolean;
  align?: "left" | "right";
}

/** One table cell: exactly `width` cells wide, cut with an ellipsis when the text is longer. */
export function Cell({ width, children, color, bold, dim, align = "left" }: CellProps) {
  return (
    <Box width={width} flexShrink={0} justifyContent={align === "right" ? "flex-end" : "flex-start"}>
      <Text wrap="truncate-end" color={color} bold={bold} dimColor={dim}>
        {children}
      </Text>
    </Box>
  );
}
