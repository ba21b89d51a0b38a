import type { DetailRow } from "../format/detail-lines.js";
import { wrapText } from "../format/detail-lines.js";
import { useDisplay } from "../hooks/use-display.js";
import type { Translate } from "../i18n/translator.js";
import { ScrollPane } from "./ScrollPane.js";

const lines = [
  "help.move",
  "help.details",
  "help.scroll",
  "help.filter",
  "help.filterSyntax",
  "help.sort",
  "help.finished",
  "help.stop",
  "help.copy",
  "help.reconnect",
  "help.mouse",
  "help.help",
  "help.quit",
] as const;

/** The help's rows for a pane `width` cells wide inside its border: every line wrapped, never cut. */
export function helpRows(translate: Translate, width: number): DetailRow[] {
  return lines.flatMap((key) => wrapText(translate(key), Math.max(10, width)).map((text) => ({ text })));
}

/** The `?` overlay: every key and what it does; it scrolls when the terminal is too low for all of it. */
export function HelpOverlay(props: {
  rows: readonly DetailRow[];
  scroll: number;
  height: number;
  width: number;
}) {
  const { translate } = useDisplay();
  return <ScrollPane title={translate("help.title")} labelled={false} {...props} />;
}
