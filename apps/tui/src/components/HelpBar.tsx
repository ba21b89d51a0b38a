import { Text } from "ink";
import { useDisplay } from "../hooks/use-display.js";
import type { SortOrder } from "../state/sort-orders.js";
import type { Mode } from "../state/view-state.js";

export interface HelpBarProps {
  mode: Mode;
  sort: SortOrder;
  hideFinished: boolean;
  notice?: string | undefined;
}

/** The footer: the keys that work right now, or a notice after something went wrong. */
export function HelpBar({ mode, sort, hideFinished, notice }: HelpBarProps) {
  const { translate, color } = useDisplay();
  if (notice !== undefined) {
    return (
      <Text wrap="truncate-end" color={color ? "red" : undefined}>
        {notice}
      </Text>
    );
  }
  const items =
    mode === "detail"
      ? [`Esc ${translate("helpBar.back")}`, `↑↓ ${translate("helpBar.move")}`, `q ${translate("helpBar.quit")}`]
      : [
          `↑↓/jk ${translate("helpBar.move")}`,
          `⏎ ${translate("helpBar.details")}`,
          `/ ${translate("helpBar.filter")}`,
          `s ${translate("helpBar.sort", { sort: translate(`sort.${sort}`) })}`,
          `f ${translate(hideFinished ? "helpBar.finishedHidden" : "helpBar.finishedShown")}`,
          `d ${translate("helpBar.stop")}`,
          `? ${translate("helpBar.help")}`,
          `q ${translate("helpBar.quit")}`,
        ];
  return (
    <Text wrap="truncate-end" dimColor={color}>
      {items.join(" · ")}
    </Text>
  );
}
