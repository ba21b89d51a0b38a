// The simulator's seeded random alone: a client process loads no part of the simulator's servers.
import { createSeededRandom } from "@lro/simulator/seeded-random";
import type { OperationsTask } from "./client-task.js";

/** When to start one operation (ms after the run starts) and how long it runs upstream. */
export interface PlannedStart {
  offsetMs: number;
  durationMs: number;
}

/** Starts spread evenly over `startSpreadMs`, durations drawn uniformly in the range (seeded). */
export function planStarts(task: OperationsTask): PlannedStart[] {
  const random = createSeededRandom(task.seed);
  const span = task.maxDurationMs - task.minDurationMs;
  return Array.from({ length: task.operations }, (_, index) => ({
    offsetMs: (index * task.startSpreadMs) / task.operations,
    durationMs: Math.round(task.minDurationMs + random() * span),
  }));
}

/** The simulator's per-request scenario header for one operation. */
export function scenarioHeader(task: OperationsTask, start: PlannedStart): Record<string, string> {
  const scenario = {
    durationMs: start.durationMs,
    progress: "linear",
    ...(task.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: task.retryAfterSeconds }),
  };
  return { "x-simulator-scenario": JSON.stringify(scenario) };
}
