import { Box, Text } from "ink";
import { useDisplay } from "../hooks/use-display.js";

/** The line under the table while typing a filter after `/`. */
export function FilterInput({ value }: { value: string }) {
  const { translate } = useDisplay();
  return (
    <Box>
      <Text wrap="truncate-start">
        <Text bold>{translate("filter.prompt")}</Text>
        {value}
        <Text inverse> </Text>
        <Text dimColor>{`  ${translate("filter.hint")}`}</Text>
      </Text>
    </Box>
  );
}
