import { Box, Text } from "ink";
import type { DetailRow } from "../format/detail-lines.js";
import { detailLabelWidth } from "../format/detail-lines.js";
import { useDisplay } from "../hooks/use-display.js";

export interface ScrollPaneProps {
  title: string;
  /** Every row of the pane; `scroll` is the first one shown, `height` how many fit. */
  rows: readonly DetailRow[];
  scroll: number;
  height: number;
  width: number;
  /** Rows have a label column (the detail pane's fields). */
  labelled: boolean;
}

/** A bordered window of `height` rows on a longer text, the position first in its title when it scrolls. */
export function ScrollPane({ title, rows, scroll, height, width, labelled }: ScrollPaneProps) {
  const { translate } = useDisplay();
  const shown = rows.slice(scroll, scroll + Math.max(1, height));
  const position =
    rows.length > height
      ? `${translate("detail.position", { from: scroll + 1, to: scroll + shown.length, total: rows.length })}  `
      : "";
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} flexShrink={0}>
      <Text bold wrap="truncate-end">
        {position}
        {title}
      </Text>
      {shown.map((line, index) => (
        <Box key={scroll + index} columnGap={1} height={1}>
          {labelled ? (
            <Box width={detailLabelWidth} flexShrink={0}>
              <Text bold wrap="truncate-end">
                {line.label === undefined ? "" : translate(line.label)}
              </Text>
            </Box>
          ) : null}
          <Text wrap="truncate-end" color={line.color}>
            {line.text}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
