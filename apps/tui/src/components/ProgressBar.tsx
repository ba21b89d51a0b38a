import { Box, Text } from "ink";
import { useDisplay } from "../hooks/use-display.js";

export interface ProgressBarProps {
  /** 0..100, or undefined when the operation reports no progress. */
  percent: number | undefined;
  /** Total width in cells, percentage included. */
  width: number;
  color?: string | undefined;
}

/** `██████░░░░  60%`: a bar and its percentage; blank when there is no progress to show. */
export function ProgressBar({ percent, width, color }: ProgressBarProps) {
  const { color: useColor } = useDisplay();
  const label = percent === undefined ? "" : `${Math.round(percent)}%`.padStart(4);
  const barWidth = Math.max(0, width - 5);
  if (percent === undefined || barWidth < 3) {
    return (
      <Box width={width} flexShrink={0}>
        <Text>{label.padEnd(width)}</Text>
      </Box>
    );
  }
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * barWidth);
  return (
    <Box width={width} flexShrink={0}>
      <Text color={useColor ? color : undefined}>{"█".repeat(filled)}</Text>
      <Text dimColor={useColor}>{"░".repeat(barWidth - filled)}</Text>
      <Text> {label}</Text>
    </Box>
  );
}
