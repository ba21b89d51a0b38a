import { setTimeout as delay } from "node:timers/promises";
import type { SimulatorProcess } from "../processes/simulator-process.js";
import { startServerProcess } from "../processes/server-process.js";
import { rounded } from "../stats/summary.js";
import { measureWindow } from "./followed-operations.js";

/** @lro/core alone following as many operations as the proxy did, started over the same time. */
export interface CoreFollowedRow {
  operations: number;
  startSeconds: number;
  upstreamPollsPerSecond: number | null;
  cpuPercent: number | null;
  cpuPerPollUs: number | null;
}

/**
 * Runs `core-follower-child.ts` (pollOperation on each monitor, in one process) with the same operations,
 * the same spread of starts and the same window as the proxy's followed scenario: the CPU per upstream poll
 * the proxy is compared with.
 */
export async function measureCoreFollowed(
  simulator: SimulatorProcess,
  count: number,
  spreadMs: number,
  windowMs: number,
): Promise<CoreFollowedRow> {
  const follower = await startServerProcess<{ startedAt: number }>(
    new URL("./core-follower-child.js", import.meta.url),
    [simulator.url, String(count), String(Math.round(spreadMs))],
  );
  try {
    // As for the proxy: the window opens once the first followed have had their second poll.
    await delay(Math.max(2000, follower.ready.startedAt + 62_000 - Date.now()));
    const { seconds, cpuMs, polls } = await measureWindow(
      simulator,
      () => follower.ask<number>("cpu"),
      windowMs,
    );
    return {
      operations: count,
      startSeconds: rounded(spreadMs / 1000) ?? 0,
      upstreamPollsPerSecond: rounded(polls / seconds),
      cpuPercent: rounded((cpuMs / (seconds * 1000)) * 100, 0),
      cpuPerPollUs: rounded((cpuMs * 1000) / polls),
    };
  } finally {
    await follower.stop();
  }
}
