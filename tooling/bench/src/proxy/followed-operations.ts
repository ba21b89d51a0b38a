import { setTimeout as delay } from "node:timers/promises";
import { monitorPolls } from "../poller/request-counts.js";
import type { SimulatorProcess } from "../processes/simulator-process.js";
import { rounded } from "../stats/summary.js";
import type { ProxyProcess } from "./proxy-process.js";
import { inParallel, startUpstreamOperation } from "./start-upstream-operations.js";

/** One proxy process following many operations: memory per operation and the upstream poll rate. */
export interface FollowedRow {
  operations: number;
  adoptSeconds: number | null;
  /** Adoptions per second over the first and the last tenth of them (a falling rate means a cost per followed operation). */
  adoptsPerSecondFirstTenth: number | null;
  adoptsPerSecondLastTenth: number | null;
  /** Heap after a full GC, and RSS, grown per followed operation (KB). */
  heapPerOperationKb: number | null;
  rssPerOperationKb: number | null;
  rssMb: number | null;
  upstreamPollsPerSecond: number | null;
  proxyCpuPercent: number | null;
  proxyCpuPerPollUs: number | null;
}

/** A follower's CPU time and the simulator's monitor polls over `windowMs` from now. */
export async function measureWindow(
  simulator: SimulatorProcess,
  cpuMs: () => Promise<number>,
  windowMs: number,
): Promise<{ seconds: number; cpuMs: number; polls: number }> {
  const pollsBefore = monitorPolls(await simulator.requests());
  const cpuBefore = await cpuMs();
  const windowStart = performance.now();
  await delay(windowMs);
  const seconds = (performance.now() - windowStart) / 1000;
  const used = (await cpuMs()) - cpuBefore;
  return { seconds, cpuMs: used, polls: monitorPolls(await simulator.requests()) - pollsBefore };
}

/** Starts `count` long operations upstream, has a fresh proxy adopt them all, then watches it for `windowMs`. */
export async function measureFollowed(
  simulator: SimulatorProcess,
  proxy: ProxyProcess,
  count: number,
  windowMs: number,
): Promise<FollowedRow> {
  // Monitors asking a poll a minute: a steady rate (count / 60 polls/s) to measure the CPU of each poll by.
  const monitors = await inParallel(count, 32, () => startUpstreamOperation(simulator.url, 600_000, 60));
  const before = await proxy.memory();
  const adoptStart = performance.now();
  const adoptedAt = await inParallel(count, 32, async (index) => {
    await proxy.adopt(monitors[index]!);
    return performance.now();
  });
  const adoptSeconds = (performance.now() - adoptStart) / 1000;
  const completions = adoptedAt.sort((left, right) => left - right);
  const tenth = Math.max(1, Math.floor(count / 10));
  const rate = (from: number, to: number) => (tenth * 1000) / (completions[to]! - from);
  // The window opens once the first adopted have had their second poll (a Retry-After after adoption).
  await delay(Math.max(2000, adoptStart + 62_000 - performance.now()));
  const { seconds, cpuMs, polls } = await measureWindow(simulator, () => proxy.cpuMs(), windowMs);
  const after = await proxy.memory();
  return {
    operations: count,
    adoptSeconds: rounded(adoptSeconds),
    adoptsPerSecondFirstTenth: rounded(rate(adoptStart, tenth - 1), 0),
    adoptsPerSecondLastTenth: rounded(rate(completions[count - tenth - 1] ?? adoptStart, count - 1), 0),
    heapPerOperationKb: rounded(((after.heapUsedMb - before.heapUsedMb) * 1024) / count, 2),
    rssPerOperationKb: rounded(((after.rssMb - before.rssMb) * 1024) / count, 2),
    rssMb: rounded(after.rssMb),
    upstreamPollsPerSecond: rounded(polls / seconds),
    proxyCpuPercent: rounded((cpuMs / (seconds * 1000)) * 100, 0),
    proxyCpuPerPollUs: rounded((cpuMs * 1000) / polls),
  };
}
