import { setMaxListeners } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { measureUsage } from "../processes/process-usage.js";
import type { ClientFollowers, SteadyResult, SteadyTask } from "./client-task.js";
import { monitorPolls, readRequestCounts } from "./request-counts.js";

/** Follows one long operation at the task's fixed interval until `signal` aborts (settles, never rejects). */
export type SteadyFollow = ClientFollowers["steady"];

/** The scenario header of the steady operations: an hour long, linear progress. */
export const steadyHeaders = (): Record<string, string> => ({
  "x-simulator-scenario": JSON.stringify({ durationMs: 3_600_000, progress: "linear" }),
});

/**
 * CPU per poll in steady state: every operation polled at the same fixed interval, CPU and the simulator's
 * count of monitor GETs read over a window after a warm-up (so the starts are not in the figure).
 */
export async function runSteady(task: SteadyTask, follow: SteadyFollow): Promise<SteadyResult> {
  const controller = new AbortController();
  // Every follower listens to this one signal.
  setMaxListeners(task.operations + 10, controller.signal);
  const followers = Array.from({ length: task.operations }, (_, index) =>
    follow(task, index, controller.signal),
  );
  await delay(task.warmupMs);
  const pollsBefore = monitorPolls(await readRequestCounts(task.graphUrl));
  const usage = measureUsage();
  await delay(task.windowMs);
  const measured = usage();
  const polls = monitorPolls(await readRequestCounts(task.graphUrl)) - pollsBefore;
  controller.abort();
  await Promise.all(followers);
  return { polls, ...measured };
}
