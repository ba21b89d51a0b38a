import type { PollWindow } from "../scenario/scenario.js";

/** Whether 1-based poll number `poll` falls in the window; `defaultCount` applies when the window names none. */
export function inPollWindow(window: PollWindow | undefined, poll: number, defaultCount: number): boolean {
  if (window === undefined) return false;
  const from = window.from ?? 1;
  const count = window.count ?? defaultCount;
  return poll >= from && poll < from + count;
}
