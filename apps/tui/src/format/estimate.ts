import type { OperationEntry } from "../state/operations-state.js";

/**
 * Milliseconds left, from the progress rate the dashboard observed (first to latest distinct percentage),
 * or undefined when progress does not allow an estimate: not running, no percentage, or no movement yet.
 */
export function estimateRemaining(entry: OperationEntry, now: number): number | undefined {
  const progress = entry.progress;
  if (entry.operation?.status !== "running" || progress === undefined) return undefined;
  const { first, latest } = progress;
  const gained = latest.percent - first.percent;
  const took = latest.at - first.at;
  if (gained <= 0 || took <= 0) return undefined;
  const remainingAtLatest = ((100 - latest.percent) * took) / gained;
  return Math.max(0, remainingAtLatest - (now - latest.at));
}
