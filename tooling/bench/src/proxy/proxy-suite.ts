import { startServerProcess } from "../processes/server-process.js";
import { startSimulatorProcess } from "../processes/simulator-process.js";
import { printTable } from "../report/table.js";
import { measureFanout } from "./sse-fanout.js";
import type { FanoutRow } from "./sse-fanout.js";
import { measureFollowed } from "./followed-operations.js";
import type { FollowedRow } from "./followed-operations.js";
import { startProxyProcess } from "./proxy-process.js";
import { coreFollowedColumns, fanoutColumns, followedColumns, throughputColumns } from "./proxy-tables.js";
import { measureCoreFollowed, type CoreFollowedRow } from "./core-followed.js";
import { startUpstreamOperation } from "./start-upstream-operations.js";
import { compareThroughput } from "./throughput-comparison.js";
import type { ThroughputComparison } from "./throughput-comparison.js";

/** Rounds of 5 s against each server; the medians are compared. */
const throughputRounds = 5;

export interface ProxySuiteResult {
  throughput: ThroughputComparison;
  fanout: FanoutRow;
  followed: FollowedRow;
  coreFollowed: CoreFollowedRow;
}

async function throughputAndFanout(upstream: Awaited<ReturnType<typeof startSimulatorProcess>>) {
  const proxy = await startProxyProcess(upstream.url);
  const hello = await startServerProcess<{ url: string }>(new URL("./hello-child.js", import.meta.url));
  try {
    const id = await proxy.adopt(await startUpstreamOperation(upstream.url, 3_600_000));
    const throughput = await compareThroughput(
      {
        server: "express hello world",
        url: `${hello.ready.url}/hello`,
        headers: {},
        cpuMs: () => hello.ask<number>("cpu"),
      },
      {
        server: "GET /operations/{id}",
        url: `${proxy.url}/operations/${encodeURIComponent(id)}`,
        headers: proxy.headers,
        cpuMs: () => proxy.cpuMs(),
      },
      throughputRounds,
      5,
    );
    printTable(
      `GET /operations/{id} against Express hello world (autocannon, 50 connections; proxy/baseline median ` +
        `req/s ${throughput.ratio}, server CPU per request ${throughput.cpuRatio}×)`,
      throughputColumns,
      throughput.rounds,
    );
    const fanout = await measureFanout(upstream, proxy, 1000, 8000);
    printTable("1,000 SSE watchers of one operation (8 s, linear progress)", fanoutColumns, [fanout]);
    return { throughput, fanout };
  } finally {
    await hello.stop();
    await proxy.stop();
  }
}

/** Suite B: lro-proxy built from its public exports, the simulator upstream, load from this process. */
export async function runProxySuite(): Promise<ProxySuiteResult> {
  const simulator = await startSimulatorProcess();
  try {
    const { throughput, fanout } = await throughputAndFanout(simulator);
    await simulator.reset();
    const proxy = await startProxyProcess(simulator.url);
    let followed: FollowedRow;
    try {
      followed = await measureFollowed(simulator, proxy, 10_000, 10_000);
    } finally {
      await proxy.stop();
    }
    printTable(
      "10,000 followed operations in one proxy process (10 min each, linear progress, Retry-After 60 s)",
      followedColumns,
      [followed],
    );
    // The proxy stopped (its operations are no longer polled): @lro/core alone, the same shape.
    await simulator.reset();
    const coreFollowed = await measureCoreFollowed(
      simulator,
      followed.operations,
      (followed.adoptSeconds ?? 30) * 1000,
      10_000,
    );
    printTable(
      "The same with @lro/core alone in one process (pollOperation per monitor, started over the proxy's adoption time)",
      coreFollowedColumns,
      [coreFollowed],
    );
    return { throughput, fanout, followed, coreFollowed };
  } finally {
    await simulator.stop();
  }
}
