import { percentile, rounded } from "../stats/summary.js";
import { measureThroughput } from "./throughput.js";
import type { Throughput } from "./throughput.js";

/** One measured round against one server. */
export interface ThroughputRow extends Throughput {
  server: string;
  round: number;
  /** The server process's CPU time (user and system) per answered request, in µs. */
  cpuPerRequestUs: number | null;
}

/** The two servers' medians and the proxy's share of the baseline. */
export interface ThroughputComparison {
  rounds: ThroughputRow[];
  baselineMedian: number | null;
  proxyMedian: number | null;
  ratio: number | null;
  /** Median CPU per request of the baseline and of the proxy, and the proxy's as a multiple of the baseline's. */
  baselineCpuPerRequestUs: number | null;
  proxyCpuPerRequestUs: number | null;
  cpuRatio: number | null;
}

interface Target {
  server: string;
  url: string;
  headers: Record<string, string>;
  /** The server process's CPU time so far, in ms. */
  cpuMs(): Promise<number>;
}

/** One round: requests per second from the load, CPU per request from the server's own account. */
async function measureRound(target: Target, seconds: number): Promise<Omit<ThroughputRow, "round">> {
  const cpuBefore = await target.cpuMs();
  const throughput = await measureThroughput(target.url, target.headers, seconds);
  const cpuMs = (await target.cpuMs()) - cpuBefore;
  const requests = (throughput.requestsPerSecond ?? 0) * seconds;
  return {
    server: target.server,
    ...throughput,
    cpuPerRequestUs: requests > 0 ? rounded((cpuMs * 1000) / requests, 1) : null,
  };
}

/**
 * Alternates the baseline and the proxy for `rounds` rounds of `seconds` each (after a short warm-up of
 * each), so that both see the same background load; compares medians of requests per second and of the
 * server's CPU per request (the steadier figure on a shared machine, where the load generator competes
 * with the server for cores).
 */
export async function compareThroughput(
  baseline: Target,
  proxy: Target,
  rounds: number,
  seconds: number,
): Promise<ThroughputComparison> {
  for (const target of [baseline, proxy]) await measureThroughput(target.url, target.headers, 2);
  const rows: ThroughputRow[] = [];
  for (let round = 1; round <= rounds; round += 1)
    for (const target of [baseline, proxy]) rows.push({ round, ...(await measureRound(target, seconds)) });
  const median = (server: string, value: (row: ThroughputRow) => number | null) =>
    percentile(
      rows.filter((row) => row.server === server).map((row) => value(row) ?? 0),
      0.5,
    );
  const baselineMedian = median(baseline.server, (row) => row.requestsPerSecond);
  const proxyMedian = median(proxy.server, (row) => row.requestsPerSecond);
  const baselineCpu = median(baseline.server, (row) => row.cpuPerRequestUs);
  const proxyCpu = median(proxy.server, (row) => row.cpuPerRequestUs);
  return {
    rounds: rows,
    baselineMedian: rounded(baselineMedian, 0),
    proxyMedian: rounded(proxyMedian, 0),
    ratio: rounded(proxyMedian / baselineMedian, 2),
    baselineCpuPerRequestUs: rounded(baselineCpu, 1),
    proxyCpuPerRequestUs: rounded(proxyCpu, 1),
    cpuRatio: rounded(proxyCpu / baselineCpu, 2),
  };
}
