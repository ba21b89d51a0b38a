import { setMaxListeners } from "node:events";
import { Agent } from "node:http";
import type { SimulatorProcess } from "../processes/simulator-process.js";
import { mean, percentile, rounded } from "../stats/summary.js";
import type { ProxyProcess } from "./proxy-process.js";
import { watchEvents } from "./sse-watcher.js";
import { startUpstreamOperation } from "./start-upstream-operations.js";

/** What `watchers` SSE streams of one operation cost upstream, against an operation nobody watches. */
export interface FanoutRow {
  watchers: number;
  connected: number;
  sawTerminal: number;
  eventsPerWatcher: number | null;
  /** Monitor GETs of the watched operation, and of an unwatched twin started at the same moment. */
  upstreamPollsWatched: number;
  upstreamPollsUnwatched: number;
  /** Watcher received the terminal event minus the operation's upstream end. */
  deliveryLagMeanMs: number | null;
  deliveryLagP99Ms: number | null;
}

/** Opens `watchers` event streams of one operation through the proxy and counts the simulator's polls. */
export async function measureFanout(
  simulator: SimulatorProcess,
  proxy: ProxyProcess,
  watchers: number,
  durationMs: number,
): Promise<FanoutRow> {
  const [watched, unwatched] = [
    await startUpstreamOperation(simulator.url, durationMs),
    await startUpstreamOperation(simulator.url, durationMs),
  ];
  const id = await proxy.adopt(watched);
  await proxy.adopt(unwatched);
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  let connected = 0;
  const url = `${proxy.url}/operations/${encodeURIComponent(id)}/events`;
  const signal = AbortSignal.timeout(durationMs + 30_000);
  setMaxListeners(watchers + 10, signal);
  const results = await Promise.all(
    Array.from({ length: watchers }, () =>
      watchEvents(url, proxy.headers, agent, () => (connected += 1), signal),
    ),
  );
  agent.destroy();
  const records = await simulator.operations();
  const record = (monitor: string) => records.find((candidate) => candidate.monitorUrl === monitor);
  const terminalAt = record(watched)?.terminalAt ?? Number.NaN;
  const lags = results.flatMap((result) =>
    result.terminalAt === undefined ? [] : [result.terminalAt - terminalAt],
  );
  return {
    watchers,
    connected,
    sawTerminal: lags.length,
    eventsPerWatcher: rounded(mean(results.map((result) => result.events)), 2),
    upstreamPollsWatched: record(watched)?.polls ?? 0,
    upstreamPollsUnwatched: record(unwatched)?.polls ?? 0,
    deliveryLagMeanMs: rounded(mean(lags)),
    deliveryLagP99Ms: rounded(percentile(lags, 0.99)),
  };
}
