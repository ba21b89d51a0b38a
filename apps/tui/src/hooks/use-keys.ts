import type { Key } from "ink";
import { useInput } from "ink";
import type { Dispatch } from "react";
import { useRef } from "react";
import { commandsForKey, splitKeyPresses } from "../state/key-bindings.js";
import type { ViewAction, ViewState } from "../state/view-state.js";
import { reduceView, selectedIndexIn } from "../state/view-state.js";

export interface KeyHandlers {
  view: ViewState;
  /** Keys of the rows in view order, for moving the selection. */
  keys: readonly string[];
  pageSize: number;
  dispatch: Dispatch<ViewAction>;
  quit(): void;
  stop(key: string): void;
}

/**
 * Every key of the dashboard. Several presses in one input event are played one after the other against
 * the view as each leaves it, so `/failed⏎` typed fast filters exactly as typed slowly would.
 */
export function useKeys(current: KeyHandlers, isActive = true): void {
  // Keys are read against what the screen shows now, even before React re-subscribes the input handler.
  const latest = useRef(current);
  latest.current = current;
  // The view as the last key left it: a second input event may come before React renders the first.
  const view = useRef(current.view);
  view.current = current.view;
  useInput(
    (input: string, key: Key) => {
      const { keys, pageSize, dispatch, quit, stop } = latest.current;
      for (const [character, pressed] of splitKeyPresses(input, key)) {
        const context = {
          mode: view.current.mode,
          keys,
          selectedKey: keys[selectedIndexIn(view.current, keys)],
          confirmKey: view.current.confirmKey,
          pageSize,
        };
        for (const command of commandsForKey(context, character, pressed)) {
          if (command.type === "quit") return quit();
          if (command.type === "stop") {
            stop(command.key);
            continue;
          }
          view.current = reduceView(view.current, command);
          dispatch(command);
        }
      }
    },
    { isActive },
  );
}
