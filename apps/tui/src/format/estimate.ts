import type { OperationEntry } from "../state/operations-state.js";

/**
 * The shortest span of observed progress an estimate is made from: the list and the stream's replay
 * deliver several percentages within milliseconds when the dashboard starts or reconnects, and a rate
 * measured over that burst would promise the end in a second.
 */
export const minimumObservationMs = 2000;

/** How long an estimate that has run out is still shown as `0s` before it is dropped (stalled progress). */
export const overdueGraceMs = 5000;

/**
 * Milliseconds left, from the progress rate the dashboard observed (first to latest distinct percentage),
 * or undefined when progress does not allow an estimate: not running, no percentage, movement seen over
 * less than `minimumObservationMs`, or an estimate overdue by more than `overdueGraceMs` (progress stalled).
 */
export function estimateRemaining(entry: OperationEntry, now: number): number | undefined {
  const progress = entry.progress;
  if (entry.operation?.status !== "running" || progress === undefined) return undefined;
  const { first, latest } = progress;
  const gained = latest.percent - first.percent;
  const took = latest.at - first.at;
  if (gained <= 0 || took < minimumObservationMs) return undefined;
  const remaining = ((100 - latest.percent) * took) / gained - (now - latest.at);
  if (remaining < -overdueGraceMs) return undefined;
  return Math.max(0, remaining);
}
