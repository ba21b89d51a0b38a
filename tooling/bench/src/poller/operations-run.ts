import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { measureUsage } from "../processes/process-usage.js";
import type { ClientFollowers, Observation, OperationsResult, OperationsTask } from "./client-task.js";
import { planStarts } from "./start-plan.js";

/** Starts every planned operation at its time and follows it with the task's client. */
export async function runOperations(
  task: OperationsTask,
  follow: ClientFollowers["operations"],
): Promise<OperationsResult> {
  const plan = planStarts(task);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const usage = measureUsage();
  // One loop starts each operation at its time: the harness holds one timer, not one per planned start,
  // so the client's process carries the operations it follows and little of the harness's own.
  const began = performance.now();
  const following: Promise<Observation>[] = [];
  for (const start of plan) {
    const wait = start.offsetMs - (performance.now() - began);
    if (wait >= 1) await delay(wait);
    following.push(follow(task, start));
  }
  const observations = await Promise.all(following);
  const measured = usage();
  loopDelay.disable();
  return {
    observations,
    ...measured,
    eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    eventLoopDelayMaxMs: loopDelay.max / 1e6,
  };
}
