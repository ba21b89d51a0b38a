import type { Key } from "ink";
import type { SortColumn } from "./sort-orders.js";
import type { Mode, ViewAction } from "./view-state.js";
import type { RowKeys } from "./visible-rows.js";

/** What a key asks for: a change of the view, or one of the things the view cannot do itself. */
export type KeyCommand =
  | ViewAction
  /** Leave with this exit status: 0 for q, 130 for Ctrl-C (the shell's convention for SIGINT). */
  | { type: "quit"; status: number }
  | { type: "stop"; key: string }
  /** Put the operation's id on the clipboard (OSC 52). */
  | { type: "copy"; key: string }
  | { type: "reconnect" };

/** Where things are on the screen, for the mouse (terminal rows and columns count from 1). */
export interface ScreenLayout {
  /** The row of the table's headings, and of its first row of operations. */
  headingY: number;
  firstRowY: number;
  /** Index, in `keys`, of the first row shown. */
  windowStart: number;
  /** How many rows of operations are shown. */
  rowsShown: number;
  /** The columns' spans, for a click on a heading. */
  columns: readonly { id: SortColumn | undefined; from: number; to: number }[];
}

export interface KeyContext {
  mode: Mode;
  /** Keys of the rows in view order. */
  keys: RowKeys;
  selectedKey: string | undefined;
  confirmKey: string | undefined;
  pageSize: number;
  /** The detail pane: how many lines it shows, and its last possible first line. */
  detailPage?: number;
  detailMax?: number;
  layout?: ScreenLayout;
}

export type PressedKey = Pick<
  Key,
  | "upArrow"
  | "downArrow"
  | "leftArrow"
  | "pageUp"
  | "pageDown"
  | "home"
  | "end"
  | "return"
  | "escape"
  | "backspace"
  | "delete"
  | "ctrl"
  | "meta"
  | "tab"
>;

const isPrintable = (input: string, key: PressedKey) =>
  input !== "" && !key.ctrl && !key.meta && !key.tab && ![...input].some((character) => character < " ");

function moves(context: KeyContext, input: string, key: PressedKey): KeyCommand | undefined {
  const { keys, pageSize } = context;
  if (key.upArrow || input === "k") return { type: "move", delta: -1, keys };
  if (key.downArrow || input === "j") return { type: "move", delta: 1, keys };
  if (key.pageUp) return { type: "move", delta: -pageSize, keys };
  if (key.pageDown) return { type: "move", delta: pageSize, keys };
  if (key.home || input === "g") return { type: "moveTo", index: 0, keys };
  if (key.end || input === "G") return { type: "moveTo", index: keys.length - 1, keys };
  return undefined;
}

function scrolls(context: KeyContext, input: string, key: PressedKey): KeyCommand | undefined {
  const max = context.detailMax ?? 0;
  const page = Math.max(1, (context.detailPage ?? 1) - 1);
  if (key.upArrow || input === "k") return { type: "scroll", delta: -1, max };
  if (key.downArrow || input === "j") return { type: "scroll", delta: 1, max };
  if (key.pageUp || input === "b") return { type: "scroll", delta: -page, max };
  if (key.pageDown || input === " ") return { type: "scroll", delta: page, max };
  if (key.home || input === "g") return { type: "scrollTo", line: 0, max };
  if (key.end || input === "G") return { type: "scrollTo", line: max, max };
  return undefined;
}

/** Keys that work the same in the table and the detail pane. */
function actions(context: KeyContext, input: string): KeyCommand[] | undefined {
  const selected = context.selectedKey;
  if (input === "q") return [{ type: "quit", status: 0 }];
  if (input === "c") return selected === undefined ? [] : [{ type: "copy", key: selected }];
  if (input === "R") return [{ type: "reconnect" }];
  return undefined;
}

/** PURE: the commands one key press means in the current mode (table, detail, filter, confirm, help). */
export function commandsForKey(context: KeyContext, input: string, key: PressedKey): KeyCommand[] {
  if (key.ctrl && input === "c") return [{ type: "quit", status: 130 }];
  switch (context.mode) {
    case "help": {
      if (input === "q") return [{ type: "quit", status: 0 }];
      const scroll = scrolls(context, input, key);
      return scroll === undefined ? [{ type: "close" }] : [scroll];
    }
    case "confirm":
      return (input === "y" || input === "Y") && context.confirmKey !== undefined
        ? [{ type: "stop", key: context.confirmKey }, { type: "close" }]
        : [{ type: "close" }];
    case "filter":
      if (key.return) return [{ type: "applyFilter" }];
      if (key.escape) return [{ type: "clearFilter" }];
      if (key.backspace || key.delete) return [{ type: "eraseFilter" }];
      return isPrintable(input, key) ? [{ type: "typeFilter", text: input }] : [];
    case "detail": {
      if (key.escape || key.return || key.backspace || key.leftArrow) return [{ type: "close" }];
      if (input === "v") return [{ type: "toggleRaw" }];
      const scroll = scrolls(context, input, key);
      if (scroll !== undefined) return [scroll];
      return actions(context, input) ?? [];
    }
    case "table": {
      const move = moves(context, input, key);
      if (move !== undefined) return [move];
      const shared = actions(context, input);
      if (shared !== undefined) return shared;
      const selected = context.selectedKey;
      if (key.return) return selected === undefined ? [] : [{ type: "open", mode: "detail" }];
      if (input === "v") return selected === undefined ? [] : [{ type: "open", mode: "detail", raw: true }];
      if (input === "/") return [{ type: "startFilter" }];
      if (input === "s") return [{ type: "cycleSort" }];
      if (input === "S") return [{ type: "reverseSort" }];
      if (input === "f") return [{ type: "toggleFinished" }];
      if (input === "?") return [{ type: "open", mode: "help" }];
      if (input === "d") return selected === undefined ? [] : [{ type: "askStop", key: selected }];
      if (key.escape) return [{ type: "clearFilter" }];
      return [];
    }
  }
}

/** A mouse report in SGR encoding (`ESC[<b;x;yM`, as Ink hands it over without the ESC). */
export interface MouseEvent {
  button: number;
  x: number;
  y: number;
  released: boolean;
}

/** PURE: the mouse report in one input, if it is one. */
export function parseMouse(input: string): MouseEvent | undefined {
  // eslint-disable-next-line no-control-regex -- a mouse report starts with ESC when it comes whole
  const match = /^\u001B?\[<(\d+);(\d+);(\d+)([Mm])$/.exec(input);
  if (match === null) return undefined;
  return { button: Number(match[1]), x: Number(match[2]), y: Number(match[3]), released: match[4] === "m" };
}

const wheelLines = 3;

/**
 * PURE: what a mouse report means: the wheel moves the selection (or scrolls the details) three lines,
 * a click on a row selects it and a click on the selected row opens it, a click on a heading sorts by
 * that column (again: reversed). Releases and other buttons do nothing.
 */
export function commandsForMouse(context: KeyContext, mouse: MouseEvent): KeyCommand[] {
  if (mouse.released) return [];
  const wheel = mouse.button & 0b1100_0011;
  if (wheel === 64 || wheel === 65) {
    const delta = wheel === 64 ? -wheelLines : wheelLines;
    if (context.mode === "detail" || context.mode === "help")
      return [{ type: "scroll", delta, max: context.detailMax ?? 0 }];
    if (context.mode === "table") return [{ type: "move", delta, keys: context.keys }];
    return [];
  }
  const layout = context.layout;
  if ((mouse.button & 0b1100_0011) !== 0 || context.mode !== "table" || layout === undefined) return [];
  if (mouse.y === layout.headingY) {
    const column = layout.columns.find((span) => mouse.x >= span.from && mouse.x <= span.to)?.id;
    return column === undefined ? [] : [{ type: "sortBy", column }];
  }
  const row = mouse.y - layout.firstRowY;
  if (row < 0 || row >= layout.rowsShown) return [];
  const index = layout.windowStart + row;
  const key = context.keys.at(index);
  if (key === undefined) return [];
  return key === context.selectedKey
    ? [{ type: "open", mode: "detail" }]
    : [{ type: "moveTo", index, keys: context.keys }];
}

/** A key press with no special key and no modifier: a typed character. */
export const plainKey: PressedKey = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  backspace: false,
  delete: false,
  ctrl: false,
  meta: false,
  tab: false,
};

/**
 * The separate key presses in one input event: a terminal (or a paste, or tmux) may deliver several
 * typed characters at once, `jj\r` for three presses. Escape sequences arrive whole and stay one press.
 */
export function splitKeyPresses(input: string, key: PressedKey): [string, PressedKey][] {
  const characters = [...input];
  if (characters.length <= 1 || key.meta || key.ctrl || input.includes("\u001B")) return [[input, key]];
  return characters.map((character): [string, PressedKey] => {
    if (character === "\r" || character === "\n") return ["", { ...plainKey, return: true }];
    if (character === "\u007F" || character === "\b") return ["", { ...plainKey, backspace: true }];
    if (character === "\t") return ["", { ...plainKey, tab: true }];
    if (character === "\u0003") return ["c", { ...plainKey, ctrl: true }];
    return [character, plainKey];
  });
}
