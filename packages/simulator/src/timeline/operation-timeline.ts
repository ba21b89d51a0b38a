import type { FutureStatusFault, Outcome, ProgressCurve } from "../scenario/scenario.js";
import { percentAt } from "./progress-curve.js";

/** When an operation starts, ends and how: fixed at creation, so every state is computed from the clock. */
export interface OperationTimeline {
  createdAt: number;
  startsAt: number;
  terminalAt: number;
  outcome: Outcome;
  progress: ProgressCurve;
  futureStatus?: FutureStatusFault | undefined;
}

export type Phase = "notStarted" | "running" | "future" | "succeeded" | "failed";

/** What the upstream knows of an operation at one instant, before a flavour dresses it in its own JSON. */
export interface OperationSnapshot {
  phase: Phase;
  /** Whole percentage; undefined when the scenario's progress curve is "none". */
  percent: number | undefined;
  lastActionAt: number;
  /** The unknown status value reported in phase "future". */
  futureValue?: string;
}

const failedFraction = 0.99;

export function snapshotAt(timeline: OperationTimeline, now: number): OperationSnapshot {
  const { createdAt, startsAt, terminalAt, outcome, progress, futureStatus } = timeline;
  if (now >= terminalAt) {
    const percent = percentAt(progress, outcome === "succeeded" ? 1 : failedFraction);
    return { phase: outcome, percent, lastActionAt: terminalAt };
  }
  if (now < startsAt)
    return { phase: "notStarted", percent: percentAt(progress, 0), lastActionAt: createdAt };
  const fraction = (now - startsAt) / (terminalAt - startsAt);
  const percent = Math.min(99, percentAt(progress, fraction) ?? -1);
  const shownPercent = percent < 0 ? undefined : percent;
  if (futureStatus !== undefined && now >= terminalAt - futureStatus.durationMs) {
    return { phase: "future", percent: shownPercent, lastActionAt: now, futureValue: futureStatus.value };
  }
  return { phase: "running", percent: shownPercent, lastActionAt: now };
}
