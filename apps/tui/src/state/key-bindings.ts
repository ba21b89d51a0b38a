import type { Key } from "ink";
import type { Mode, ViewAction } from "./view-state.js";

/** What a key asks for: a change of the view, or one of the two things the view cannot do itself. */
export type KeyCommand = ViewAction | { type: "quit" } | { type: "stop"; key: string };

export interface KeyContext {
  mode: Mode;
  /** Keys of the rows in view order. */
  keys: readonly string[];
  selectedKey: string | undefined;
  confirmKey: string | undefined;
  pageSize: number;
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

/** PURE: the commands one key press means in the current mode (table, detail, filter, confirm, help). */
export function commandsForKey(context: KeyContext, input: string, key: PressedKey): KeyCommand[] {
  // Ink quits on a Ctrl-C read alone; one that came with other keys (`d` then Ctrl-C in one read) lands here.
  if (key.ctrl && input === "c") return [{ type: "quit" }];
  switch (context.mode) {
    case "help":
      return input === "q" ? [{ type: "quit" }] : [{ type: "close" }];
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
      if (input === "q") return [{ type: "quit" }];
      const move = moves(context, input, key);
      return move === undefined ? [] : [move];
    }
    case "table": {
      const move = moves(context, input, key);
      if (move !== undefined) return [move];
      const selected = context.selectedKey;
      if (input === "q") return [{ type: "quit" }];
      if (key.return) return selected === undefined ? [] : [{ type: "open", mode: "detail" }];
      if (input === "/") return [{ type: "startFilter" }];
      if (input === "s") return [{ type: "cycleSort" }];
      if (input === "f") return [{ type: "toggleFinished" }];
      if (input === "?") return [{ type: "open", mode: "help" }];
      if (input === "d") return selected === undefined ? [] : [{ type: "askStop", key: selected }];
      if (key.escape) return [{ type: "clearFilter" }];
      return [];
    }
  }
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
