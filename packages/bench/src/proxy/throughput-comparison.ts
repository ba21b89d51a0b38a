import { percentile, rounded } from "../stats/summary.js";
import { measureThroughput } from "./throughput.js";
import type { Throughput } from "./throughput.js";

/** One measured round against one server. */
export interface ThroughputRow extends Throughput {
  server: string;
  round: number;
}

/** The two servers' medians and the proxy's share of the baseline. */
export interface ThroughputComparison {
  rounds: ThroughputRow[];
  baselineMedian: number | null;
  proxyMedian: number | null;
  ratio: number | null;
}

interface Target {
  server: string;
  url: string;
  headers: Record<string, string>;
}

/**
 * Alternates the baseline and the proxy for `rounds` rounds of `seconds` each (after a short warm-up of
 * each), so that both see the same background load; compares medians.
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
    for (const target of [baseline, proxy])
      rows.push({
        server: target.server,
        round,
        ...(await measureThroughput(target.url, target.headers, seconds)),
      });
  const median = (server: string) =>
    percentile(
      rows.filter((row) => row.server === server).map((row) => row.requestsPerSecond ?? 0),
      0.5,
    );
  const baselineMedian = median(baseline.server);
  const proxyMedian = median(proxy.server);
  return {
    rounds: rows,
    baselineMedian: rounded(baselineMedian, 0),
    proxyMedian: rounded(proxyMedian, 0),
    ratio: rounded(proxyMedian / baselineMedian, 2),
  };
}
