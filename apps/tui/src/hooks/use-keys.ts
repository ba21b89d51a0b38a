import type { Key } from "ink";
import { useInput } from "ink";
import type { Dispatch } from "react";
import { useRef } from "react";
import type { Mode, ViewAction } from "../state/view-state.js";

export interface KeyHandlers {
  mode: Mode;
  /** Keys of the rows in view order, for moving the selection. */
  keys: readonly string[];
  selectedKey: string | undefined;
  /** The operation the stop confirmation asks about. */
  confirmKey: string | undefined;
  pageSize: number;
  dispatch: Dispatch<ViewAction>;
  quit(): void;
  stop(key: string): void;
}

/** Every key of the dashboard, by mode: table, detail pane, filter line, stop confirmation, help overlay. */
export function useKeys(current: KeyHandlers, isActive = true): void {
  // Keys are read against what the screen shows now, even before React re-subscribes the input handler.
  const latest = useRef(current);
  latest.current = current;
  useInput(
    (input: string, key: Key) => {
      const handlers = latest.current;
      const { mode, keys, selectedKey, pageSize, dispatch } = handlers;
      const move = (delta: number) => dispatch({ type: "move", delta, keys });
      const moved = () => {
        if (key.upArrow || input === "k") return (move(-1), true);
        if (key.downArrow || input === "j") return (move(1), true);
        if (key.pageUp) return (move(-pageSize), true);
        if (key.pageDown) return (move(pageSize), true);
        if (key.home || input === "g") return (dispatch({ type: "moveTo", index: 0, keys }), true);
        if (key.end || input === "G")
          return (dispatch({ type: "moveTo", index: keys.length - 1, keys }), true);
        return false;
      };
      switch (mode) {
        case "help":
          if (input === "q") return handlers.quit();
          return dispatch({ type: "close" });
        case "confirm":
          if ((input === "y" || input === "Y") && handlers.confirmKey !== undefined) {
            handlers.stop(handlers.confirmKey);
          }
          return dispatch({ type: "close" });
        case "filter":
          if (key.return) return dispatch({ type: "applyFilter" });
          if (key.escape) return dispatch({ type: "clearFilter" });
          if (key.backspace || key.delete) return dispatch({ type: "eraseFilter" });
          if (
            input !== "" &&
            !key.ctrl &&
            !key.meta &&
            !key.tab &&
            ![...input].some((character) => character < " ")
          ) {
            dispatch({ type: "typeFilter", text: input });
          }
          return;
        case "detail":
          if (key.escape || key.return || key.backspace || key.leftArrow) return dispatch({ type: "close" });
          if (input === "q") return handlers.quit();
          moved();
          return;
        case "table":
          if (moved()) return;
          if (input === "q") return handlers.quit();
          if (key.return && selectedKey !== undefined) return dispatch({ type: "open", mode: "detail" });
          if (input === "/") return dispatch({ type: "startFilter" });
          if (input === "s") return dispatch({ type: "cycleSort" });
          if (input === "f") return dispatch({ type: "toggleFinished" });
          if (input === "?") return dispatch({ type: "open", mode: "help" });
          if (input === "d" && selectedKey !== undefined)
            return dispatch({ type: "askStop", key: selectedKey });
          if (key.escape) return dispatch({ type: "clearFilter" });
      }
    },
    { isActive },
  );
}
