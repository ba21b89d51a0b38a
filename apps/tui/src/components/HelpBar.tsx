import { Text } from "ink";
import stringWidth from "string-width";
import { useDisplay } from "../hooks/use-display.js";
import type { SortOrder } from "../state/sort-orders.js";
import type { Mode } from "../state/view-state.js";

export interface HelpBarProps {
  width: number;
  mode: Mode;
  sort: SortOrder;
  hideFinished: boolean;
  notice?: string | undefined;
}

const separator = " · ";

/** As many optional items as fit before the ones always shown (help and quit), in order. */
function fitItems(optional: readonly string[], kept: readonly string[], width: number): string[] {
  let used = stringWidth(kept.join(separator));
  const shown: string[] = [];
  for (const item of optional) {
    const needed = stringWidth(item) + stringWidth(separator);
    if (used + needed > width) break;
    shown.push(item);
    used += needed;
  }
  return [...shown, ...kept];
}

/** The footer: the keys that work right now, or a notice after something went wrong. */
export function HelpBar({ width, mode, sort, hideFinished, notice }: HelpBarProps) {
  const { translate, color } = useDisplay();
  if (notice !== undefined) {
    return (
      <Text wrap="truncate-end" color={color ? "red" : undefined}>
        {notice}
      </Text>
    );
  }
  const quit = `q ${translate("helpBar.quit")}`;
  const kept =
    mode === "detail" ? [`Esc ${translate("helpBar.back")}`, quit] : [`? ${translate("helpBar.help")}`, quit];
  const optional =
    mode === "detail"
      ? [`↑↓ ${translate("helpBar.move")}`]
      : [
          `↑↓/jk ${translate("helpBar.move")}`,
          `⏎ ${translate("helpBar.details")}`,
          `/ ${translate("helpBar.filter")}`,
          `s ${translate("helpBar.sort", { sort: translate(`sort.${sort}`) })}`,
          `f ${translate(hideFinished ? "helpBar.finishedHidden" : "helpBar.finishedShown")}`,
          `d ${translate("helpBar.stop")}`,
        ];
  return (
    <Text wrap="truncate-end" dimColor={color}>
      {fitItems(optional, kept, width).join(" · ")}
    </Text>
  );
}
