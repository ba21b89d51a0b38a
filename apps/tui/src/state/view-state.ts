import type { SortColumn, SortOrder } from "./sort-orders.js";
import { defaultSort, nextSortColumn, sortByColumn } from "./sort-orders.js";
import type { RowKeys } from "./visible-rows.js";

export type Mode = "table" | "detail" | "filter" | "confirm" | "help";

/** A short line in the footer after an action (copied, reconnecting...) or a failure; it goes by itself. */
export interface Flash {
  message: string;
  tone: "info" | "error";
  /** Tells one flash from the next, so the timer of an old one does not clear a new one. */
  id: number;
}

/** What the user did to the screen: mode, selection, filter, sort. Operations live in `OperationsState`. */
export interface ViewState {
  mode: Mode;
  /** The selected row's key; the index is kept too, so a vanished row leaves the selection where it was. */
  selectedKey?: string;
  selectedIndex: number;
  filter: string;
  sort: SortOrder;
  hideFinished: boolean;
  /** The operation `d` asked about, until the user answers. */
  confirmKey?: string;
  /** First line of the detail pane shown; and whether it shows the operation's raw JSON. */
  detailScroll: number;
  raw: boolean;
  flash?: Flash;
}

export const initialViewState: ViewState = {
  mode: "table",
  selectedIndex: 0,
  filter: "",
  sort: defaultSort,
  hideFinished: false,
  detailScroll: 0,
  raw: false,
};

export type ViewAction =
  | { type: "move"; delta: number; keys: RowKeys }
  | { type: "moveTo"; index: number; keys: RowKeys }
  | { type: "open"; mode: "detail" | "help"; raw?: boolean }
  | { type: "close" }
  | { type: "startFilter" }
  | { type: "typeFilter"; text: string }
  | { type: "eraseFilter" }
  | { type: "applyFilter" }
  | { type: "clearFilter" }
  | { type: "cycleSort" }
  | { type: "reverseSort" }
  | { type: "sortBy"; column: SortColumn }
  | { type: "toggleFinished" }
  | { type: "askStop"; key: string }
  /** Scroll the detail pane by `delta` lines (or to `line`), never past `max`, its last first line. */
  | { type: "scroll"; delta: number; max: number }
  | { type: "scrollTo"; line: number; max: number }
  | { type: "toggleRaw" }
  | { type: "flash"; message: string; tone: Flash["tone"] }
  | { type: "clearFlash"; id: number }
  /**
   * The selection now shows the row `key` at `index`: rows came or went above it, or its own row went
   * and the one that took its place is selected from now on. `was` is the selection the screen showed
   * it for: a key pressed since has moved it, and the move wins.
   */
  | { type: "track"; index: number; key: string; was: string };

/**
 * The index of the selection among `keys`: the selected key's row (looked up where it was first: it
 * seldom moves), or the remembered index clamped.
 */
export function selectedIndexIn(view: ViewState, keys: RowKeys): number {
  if (view.selectedKey !== undefined && keys.at(view.selectedIndex) === view.selectedKey)
    return view.selectedIndex;
  const byKey = view.selectedKey === undefined ? -1 : keys.indexOf(view.selectedKey);
  if (byKey !== -1) return byKey;
  return Math.max(0, Math.min(view.selectedIndex, keys.length - 1));
}

function selectIndex(view: ViewState, index: number, keys: RowKeys): ViewState {
  if (keys.length === 0) return { ...view, selectedIndex: 0, selectedKey: undefined };
  const clamped = Math.max(0, Math.min(index, keys.length - 1));
  return { ...view, selectedIndex: clamped, selectedKey: keys.at(clamped) };
}

const clampLine = (line: number, max: number) => Math.max(0, Math.min(line, Math.max(0, max)));

export function reduceView(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case "move":
      return selectIndex(view, selectedIndexIn(view, action.keys) + action.delta, action.keys);
    case "moveTo":
      return selectIndex(view, action.index, action.keys);
    case "open":
      return { ...view, mode: action.mode, detailScroll: 0, raw: action.raw ?? false };
    case "close":
      return { ...view, mode: "table", confirmKey: undefined };
    case "startFilter":
      return { ...view, mode: "filter" };
    case "typeFilter":
      return { ...view, filter: view.filter + action.text };
    case "eraseFilter":
      return { ...view, filter: [...view.filter].slice(0, -1).join("") };
    case "applyFilter":
      return { ...view, mode: "table" };
    case "clearFilter":
      return { ...view, mode: "table", filter: "" };
    case "cycleSort":
      return { ...view, sort: nextSortColumn(view.sort) };
    case "reverseSort":
      return { ...view, sort: { ...view.sort, reversed: !view.sort.reversed } };
    case "sortBy":
      return { ...view, sort: sortByColumn(view.sort, action.column) };
    case "toggleFinished":
      return { ...view, hideFinished: !view.hideFinished };
    case "askStop":
      return { ...view, mode: "confirm", confirmKey: action.key };
    case "scroll":
      return { ...view, detailScroll: clampLine(view.detailScroll + action.delta, action.max) };
    case "scrollTo":
      return { ...view, detailScroll: clampLine(action.line, action.max) };
    case "toggleRaw":
      return { ...view, raw: !view.raw, detailScroll: 0 };
    case "flash":
      return {
        ...view,
        flash: { message: action.message, tone: action.tone, id: (view.flash?.id ?? 0) + 1 },
      };
    case "clearFlash":
      return view.flash?.id === action.id ? { ...view, flash: undefined } : view;
    case "track":
      if (view.selectedKey !== action.was) return view;
      return action.index === view.selectedIndex && action.key === view.selectedKey
        ? view
        : { ...view, selectedIndex: action.index, selectedKey: action.key };
  }
}
