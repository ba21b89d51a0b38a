import type { Key } from "ink";
import { useInput } from "ink";
import type { Dispatch } from "react";
import { useEffect, useRef } from "react";
import type { MouseReports } from "../input/mouse-input.js";
import type { KeyCommand, KeyContext, ScreenLayout } from "../state/key-bindings.js";
import { commandsForKey, commandsForMouse, parseMouse, splitKeyPresses } from "../state/key-bindings.js";
import type { ViewAction, ViewState } from "../state/view-state.js";
import { reduceView, selectedIndexIn } from "../state/view-state.js";
import type { RowKeys } from "../state/visible-rows.js";

export interface KeyHandlers {
  view: ViewState;
  /** Keys of the rows in view order, for moving the selection. */
  keys: RowKeys;
  pageSize: number;
  detailPage: number;
  detailMax: number;
  layout: ScreenLayout;
  dispatch: Dispatch<ViewAction>;
  /** What the view cannot do itself: quit, stop, copy, reconnect. */
  perform(command: Exclude<KeyCommand, ViewAction>): void;
  /**
   * Told the view before and after the keys of one input event, in the same event: what it dispatches
   * (a flash line saying what changed) lands in the same render as the change, one frame, not two.
   */
  announce?(before: ViewState, after: ViewState): void;
}

/**
 * Every key (and mouse report) of the dashboard. Several presses in one input event are played one after
 * the other against the view as each leaves it, so `/failed⏎` typed fast filters exactly as typed slowly
 * would.
 */
export function useKeys(current: KeyHandlers, isActive = true, mouse?: MouseReports): void {
  // Keys are read against what the screen shows now, even before React re-subscribes the input handler.
  const latest = useRef(current);
  latest.current = current;
  // The view as the last key left it: a second input event may come before React renders the first.
  const view = useRef(current.view);
  view.current = current.view;
  const handle = (input: string, key: Key | undefined) => {
    const before = view.current;
    play(input, key);
    if (view.current !== before) latest.current.announce?.(before, view.current);
  };
  const play = (input: string, key: Key | undefined) => {
    const { keys, pageSize, detailPage, detailMax, layout, dispatch, perform } = latest.current;
    const context = (): KeyContext => ({
      mode: view.current.mode,
      keys,
      selectedKey: keys.at(selectedIndexIn(view.current, keys)),
      confirmKey: view.current.confirmKey,
      pageSize,
      detailPage,
      detailMax,
      layout,
    });
    const run = (commands: KeyCommand[]) => {
      for (const command of commands) {
        switch (command.type) {
          case "quit":
            perform(command);
            return false;
          case "stop":
          case "copy":
          case "reconnect":
            perform(command);
            continue;
          default:
            view.current = reduceView(view.current, command);
            dispatch(command);
        }
      }
      return true;
    };
    const report = parseMouse(input);
    if (report !== undefined) {
      run(commandsForMouse(context(), report));
      return;
    }
    if (key === undefined) return;
    for (const [character, pressed] of splitKeyPresses(input, key)) {
      if (!run(commandsForKey(context(), character, pressed))) return;
    }
  };
  const latestHandle = useRef(handle);
  latestHandle.current = handle;
  useInput((input: string, key: Key) => latestHandle.current(input, key), { isActive });
  // Ink's input parser drops mouse reports: they arrive on their own channel (see splitMouseInput).
  useEffect(() => {
    if (mouse === undefined || !isActive) return;
    return mouse.subscribe((report) => latestHandle.current(report, undefined));
  }, [mouse, isActive]);
}
