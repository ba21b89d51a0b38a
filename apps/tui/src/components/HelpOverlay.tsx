import { Box, Text } from "ink";
import { useDisplay } from "../hooks/use-display.js";

const lines = [
  "help.move",
  "help.details",
  "help.filter",
  "help.sort",
  "help.finished",
  "help.stop",
  "help.help",
  "help.quit",
] as const;

/** The `?` overlay: every key and what it does. */
export function HelpOverlay({ width }: { width: number }) {
  const { translate } = useDisplay();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, 80)}>
      <Text bold>{translate("help.title")}</Text>
      {lines.map((key) => (
        <Text key={key} wrap="truncate-end">
          {translate(key)}
        </Text>
      ))}
    </Box>
  );
}
