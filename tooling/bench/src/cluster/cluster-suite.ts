import { printTable } from "../report/table.js";
import { runCluster, type ClusterRunOptions, type ClusterRunRow } from "./cluster-run.js";

export interface ClusterSuiteResult {
  settings: Omit<ClusterRunOptions, "serverUrl" | "instances"> & { instanceCounts: number[] };
  runs: ClusterRunRow[];
}

function numberFromEnvironment(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new Error(`${name} must be a positive number, got ${JSON.stringify(value)}`);
  return parsed;
}

/**
 * Followed operations over one, then three, proxy instances on one PostgreSQL database, then three of which
 * one is SIGKILLed halfway: upstream polls per second against those the schedule asks for, database round
 * trips per poll, the proxies' CPU per poll, memory per instance, detection lag, and from the upstream's
 * records the double polls and the operations lost. The server comes from `LRO_BENCH_DATABASE_URL`; the
 * size from `LRO_BENCH_CLUSTER_OPERATIONS` (default 100,000) and `LRO_BENCH_CLUSTER_WINDOW_SECONDS`
 * (default 150); monitors ask `Retry-After: LRO_BENCH_CLUSTER_RETRY_AFTER_SECONDS` (default 60) while the
 * operations run 1 to 3.33 Retry-Afters (60-200 s).
 */
export async function runClusterSuite(): Promise<ClusterSuiteResult> {
  const serverUrl = process.env.LRO_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const operations = numberFromEnvironment("LRO_BENCH_CLUSTER_OPERATIONS", 100_000);
  const windowMs = numberFromEnvironment("LRO_BENCH_CLUSTER_WINDOW_SECONDS", 150) * 1000;
  const monitorRetryAfterSeconds = numberFromEnvironment("LRO_BENCH_CLUSTER_RETRY_AFTER_SECONDS", 60);
  const settings = {
    operations,
    windowMs,
    durationMs: [monitorRetryAfterSeconds * 1000, Math.round(monitorRetryAfterSeconds * 3333)] as const,
    monitorRetryAfterSeconds,
    instanceCounts: [1, 3],
  };
  const runs: ClusterRunRow[] = [];
  const plans = [
    ...settings.instanceCounts.map((instances) => ({ instances, killOne: false })),
    { instances: 3, killOne: true },
  ];
  for (const { instances, killOne } of plans) {
    console.log(
      `cluster: ${instances} instance(s)${killOne ? ", one SIGKILLed halfway" : ""}, ${operations} operations, ${windowMs / 1000} s...`,
    );
    runs.push(await runCluster({ ...settings, serverUrl, instances, killOne }));
  }
  printTable(
    "Cluster: followed operations on PostgreSQL",
    [
      {
        header: "instances",
        cell: (row: ClusterRunRow) => (row.killed ? `${row.instances}, 1 killed` : row.instances),
      },
      { header: "operations", cell: (row) => row.operations },
      { header: "asked/s", cell: (row) => row.askedPerSecond },
      { header: "polls/s", cell: (row) => row.pollsPerSecond },
      { header: "db round trips/poll", cell: (row) => row.roundTripsPerPoll },
      { header: "db xacts/poll", cell: (row) => row.transactionsPerPoll },
      { header: "proxy CPU µs/poll", cell: (row) => row.proxyCpuPerPollUs },
      { header: "busiest proxy CPU %", cell: (row) => row.proxyCpuPercentMax },
      { header: "simulator CPU µs/poll", cell: (row) => row.simulatorCpuPerPollUs },
      { header: "PostgreSQL CPU µs/poll", cell: (row) => row.databaseCpuPerPollUs },
      { header: "table bytes/op", cell: (row) => row.tableBytesPerOperation },
      { header: "RSS MB/instance", cell: (row) => row.rssMbPerInstance },
      { header: "peak RSS MB", cell: (row) => row.peakRssMbPerInstance },
      { header: "ended", cell: (row) => row.ended },
      { header: "detected", cell: (row) => row.detected },
      { header: "lag p50 ms", cell: (row) => row.lagP50Ms },
      { header: "lag p99 ms", cell: (row) => row.lagP99Ms },
      { header: "lag max ms", cell: (row) => row.lagMaxMs },
      { header: "poll interval p50 ms", cell: (row) => row.intervalP50Ms },
      { header: "poll interval p99 ms", cell: (row) => row.intervalP99Ms },
      { header: "shortest interval ms", cell: (row) => row.intervalMinMs },
      { header: "double polls", cell: (row) => row.doublePolls },
      { header: "lost", cell: (row) => row.lost },
    ],
    runs,
  );
  return { settings, runs };
}
