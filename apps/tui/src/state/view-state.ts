import type { SortOrder } from "./sort-orders.js";
import { nextSortOrder } from "./sort-orders.js";

export type Mode = "table" | "detail" | "filter" | "confirm" | "help";

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
  notice?: string;
}

export const initialViewState: ViewState = {
  mode: "table",
  selectedIndex: 0,
  filter: "",
  sort: "newest",
  hideFinished: false,
};

export type ViewAction =
  | { type: "move"; delta: number; keys: readonly string[] }
  | { type: "moveTo"; index: number; keys: readonly string[] }
  | { type: "open"; mode: "detail" | "help" }
  | { type: "close" }
  | { type: "startFilter" }
  | { type: "typeFilter"; text: string }
  | { type: "eraseFilter" }
  | { type: "applyFilter" }
  | { type: "clearFilter" }
  | { type: "cycleSort" }
  | { type: "toggleFinished" }
  | { type: "askStop"; key: string }
  | { type: "notice"; message?: string }
  /**
   * The selection now shows the row `key` at `index`: rows came or went above it, or its own row went
   * and the one that took its place is selected from now on. `was` is the selection the screen showed
   * it for: a key pressed since has moved it, and the move wins.
   */
  | { type: "track"; index: number; key: string; was: string };

/** The index of the selection among `keys`: the selected key's row, or the remembered index clamped. */
export function selectedIndexIn(view: ViewState, keys: readonly string[]): number {
  const byKey = view.selectedKey === undefined ? -1 : keys.indexOf(view.selectedKey);
  if (byKey !== -1) return byKey;
  return Math.max(0, Math.min(view.selectedIndex, keys.length - 1));
}

function selectIndex(view: ViewState, index: number, keys: readonly string[]): ViewState {
  if (keys.length === 0) return { ...view, selectedIndex: 0, selectedKey: undefined };
  const clamped = Math.max(0, Math.min(index, keys.length - 1));
  return { ...view, selectedIndex: clamped, selectedKey: keys[clamped] };
}

export function reduceView(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case "move":
      return selectIndex(view, selectedIndexIn(view, action.keys) + action.delta, action.keys);
    case "moveTo":
      return selectIndex(view, action.index, action.keys);
    case "open":
      return { ...view, mode: action.mode, notice: undefined };
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
      return { ...view, sort: nextSortOrder(view.sort) };
    case "toggleFinished":
      return { ...view, hideFinished: !view.hideFinished };
    case "askStop":
      return { ...view, mode: "confirm", confirmKey: action.key, notice: undefined };
    case "notice":
      return { ...view, notice: action.message };
    case "track":
      if (view.selectedKey !== action.was) return view;
      return action.index === view.selectedIndex && action.key === view.selectedKey
        ? view
        : { ...view, selectedIndex: action.index, selectedKey: action.key };
  }
}
