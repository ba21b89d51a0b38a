import { createHttpPoller } from "@azure/core-lro";
import { startOperation } from "@lro/core";
import { setMaxListeners } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { measureUsage } from "../processes/process-usage.js";
import { fetchRunningOperation } from "./azure-client.js";
import type { SteadyResult, SteadyTask } from "./client-task.js";
import { flavours } from "./flavours.js";
import { lroCoreOptions } from "./lro-core-client.js";
import { monitorPolls, readRequestCounts } from "./request-counts.js";

/** Follows one long operation at the task's fixed interval until `signal` aborts. */
function follow(task: SteadyTask, index: number, signal: AbortSignal): Promise<unknown> {
  const flavour = flavours[task.flavour];
  const url = `${task.graphUrl}${flavour.path}`;
  const headers = { "x-simulator-scenario": JSON.stringify({ durationMs: 3_600_000, progress: "linear" }) };
  if (task.client === "azure-core-lro/fetch") {
    const poller = createHttpPoller(fetchRunningOperation(url, headers, flavour.body), {
      intervalInMs: task.intervalMs,
    });
    return poller.pollUntilDone({ abortSignal: signal }).catch(() => index);
  }
  const options = { ...lroCoreOptions(task.client), interval: task.intervalMs, adaptive: false, signal };
  return new Promise((resolve) => {
    startOperation({ url, headers, body: flavour.body }, options).subscribe({
      error: () => resolve(index),
      complete: () => resolve(index),
    });
  });
}

/**
 * CPU per poll in steady state: every operation polled at the same fixed interval, CPU and the simulator's
 * count of monitor GETs read over a window after a warm-up (so the starts are not in the figure).
 */
export async function runSteady(task: SteadyTask): Promise<SteadyResult> {
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
