import { Text } from "ink";
import stringWidth from "string-width";
import { headings } from "./headings.js";
import { terminalText } from "../format/terminal-text.js";
import { useDisplay } from "../hooks/use-display.js";
import type { Translate } from "../i18n/translator.js";
import type { SortOrder } from "../state/sort-orders.js";
import type { Flash, Mode } from "../state/view-state.js";

export interface HelpBarProps {
  width: number;
  mode: Mode;
  sort: SortOrder;
  hideFinished: boolean;
  flash?: Flash | undefined;
}

const separator = " · ";

interface Item {
  key: string;
  label: string;
}

/** `age ▾`: the sorted column and its direction (▾ its natural one, ▴ reversed). */
export function describeSort(sort: SortOrder, translate: Translate): string {
  return `${translate(headings[sort.column])} ${sort.reversed ? "▴" : "▾"}`;
}

/**
 * PURE: the footer's text in `width` cells. Every item with its label when all fit; otherwise the
 * labels go from the end, leaving the key alone (`d`), so no key silently disappears; `?` (the help that
 * lists them all) and `q` keep their labels longest.
 */
export function fitFooter(items: readonly Item[], kept: readonly Item[], width: number): string {
  const full = (item: Item) => `${item.key} ${item.label}`;
  const render = (labelled: number) => {
    const optional = items.map((item, index) => (index < labelled ? full(item) : item.key));
    const labelledPart = optional.slice(0, labelled);
    const bare = optional.slice(labelled).join(" ");
    return [...labelledPart, ...(bare === "" ? [] : [bare]), ...kept.map(full)].join(separator);
  };
  for (let labelled = items.length; labelled >= 0; labelled -= 1) {
    const text = render(labelled);
    if (stringWidth(text) <= width) return text;
  }
  return [...items.map((item) => item.key), ...kept.map((item) => item.key)].join(" ");
}

/** The footer: the keys that work right now, or for a few seconds the outcome of the last action. */
export function HelpBar({ width, mode, sort, hideFinished, flash }: HelpBarProps) {
  const { translate, color } = useDisplay();
  if (flash !== undefined) {
    return (
      <Text wrap="truncate-end" color={color ? (flash.tone === "error" ? "red" : "cyan") : undefined}>
        {terminalText(flash.message)}
      </Text>
    );
  }
  const kept =
    mode === "detail"
      ? [{ key: "Esc", label: translate("helpBar.back") }]
      : [{ key: "?", label: translate("helpBar.help") }];
  kept.push({ key: "q", label: translate("helpBar.quit") });
  const items: Item[] =
    mode === "detail"
      ? [
          { key: "↑↓", label: translate("helpBar.scroll") },
          { key: "v", label: translate("helpBar.raw") },
          { key: "c", label: translate("helpBar.copy") },
        ]
      : [
          { key: "↑↓", label: translate("helpBar.move") },
          { key: "⏎", label: translate("helpBar.details") },
          { key: "/", label: translate("helpBar.filter") },
          { key: "s", label: translate("helpBar.sort", { sort: describeSort(sort, translate) }) },
          {
            key: "f",
            label: translate(hideFinished ? "helpBar.finishedHidden" : "helpBar.finishedShown"),
          },
          { key: "d", label: translate("helpBar.stop") },
          { key: "c", label: translate("helpBar.copy") },
        ];
  return (
    <Text wrap="truncate-end" dimColor={color}>
      {fitFooter(items, kept, width)}
    </Text>
  );
}
