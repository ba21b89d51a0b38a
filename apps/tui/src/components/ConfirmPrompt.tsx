import { Text } from "ink";
import { useDisplay } from "../hooks/use-display.js";

/** The question `d` asks before it stops following (or deletes) an operation. */
export function ConfirmPrompt({ id, deletes }: { id: string; deletes: boolean }) {
  const { translate, color } = useDisplay();
  return (
    <Text wrap="truncate-end" color={color ? "yellow" : undefined} bold>
      {translate(deletes ? "confirm.stopProxy" : "confirm.stopCore", { id })}
    </Text>
  );
}
