import type { EntryStatus } from "../state/entry-status.js";

/** Symbol and colour of each status: the symbol alone tells them apart when colour is off (NO_COLOR). */
export const statusAppearance: Record<EntryStatus, { symbol: string; color: string }> = {
  notStarted: { symbol: "○", color: "gray" },
  running: { symbol: "▶", color: "cyan" },
  succeeded: { symbol: "✔", color: "green" },
  failed: { symbol: "✖", color: "red" },
  unknownFutureValue: { symbol: "?", color: "yellow" },
  problem: { symbol: "⚠", color: "magenta" },
};
