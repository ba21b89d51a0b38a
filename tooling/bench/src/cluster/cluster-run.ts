import { hashApiKey } from "lro-proxy";
import { startSimulatorProcess, type SimulatorProcess } from "../processes/simulator-process.js";
import { createSeededRandom } from "@lro/simulator";
import { maximum, percentile, rounded } from "../stats/summary.js";
import { connect, createBenchDatabase } from "./bench-database.js";
import { detectedEnds, insertFollowedRows } from "./followed-rows.js";
import { startProxyInstance, type ProxyInstance } from "./proxy-instances.js";

export interface ClusterRunOptions {
  /** PostgreSQL server; the run creates a database of its own there and drops it afterwards. */
  serverUrl: string;
  instances: number;
  operations: number;
  /** How long the proxies follow the operations once they are all in the store. */
  windowMs: number;
  /** Upstream durations, drawn uniformly from this range. */
  durationMs: readonly [number, number];
  /** Retry-After the monitors send while running. */
  monitorRetryAfterSeconds: number;
}

export interface ClusterRunRow {
  instances: number;
  /** How long creating the upstream operations took, before the window. */
  setupSeconds: number;
  operations: number;
  windowSeconds: number;
  polls: number;
  pollsPerSecond: number | null;
  roundTripsPerPoll: number | null;
  rssMbPerInstance: number | null;
  peakRssMbPerInstance: number | null;
  ended: number;
  detected: number;
  lagP50Ms: number | null;
  lagP99Ms: number | null;
  lagMaxMs: number | null;
}

const schema = "lro_proxy";
const apiKey = "cluster-benchmark-key-0123456789";

async function createUpstreamOperations(
  simulator: SimulatorProcess,
  options: ClusterRunOptions,
): Promise<string[]> {
  const random = createSeededRandom(42);
  const [shortest, longest] = options.durationMs;
  const urls: string[] = new Array<string>(options.operations);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < options.operations; index = next++) {
      const scenario = {
        durationMs: Math.round(shortest + random() * (longest - shortest)),
        progress: "linear",
        retryAfterSeconds: 0,
        monitorRetryAfterSeconds: options.monitorRetryAfterSeconds,
      };
      const response = await fetch(`${simulator.url}/v1.0/teams/t${index}/clone`, {
        method: "POST",
        headers: { "x-simulator-scenario": JSON.stringify(scenario) },
      });
      await response.arrayBuffer();
      urls[index] = `${simulator.url}/v1.0${response.headers.get("location") ?? ""}`;
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  return urls;
}

/** One measured run: `instances` proxies on a fresh database following `operations` upstream operations. */
export async function runCluster(options: ClusterRunOptions): Promise<ClusterRunRow> {
  const database = await createBenchDatabase(options.serverUrl);
  const simulator = await startSimulatorProcess();
  const proxies: ProxyInstance[] = [];
  try {
    const flags = [
      ...["--upstream", simulator.url, "--api-key", apiKey, "--log-level", "warn"],
      ...[
        "--database-url",
        database.url,
        "--database-schema",
        schema,
        "--lease",
        "30s",
        "--upstream-timeout",
        "10s",
      ],
      ...["--allow-origin", "http://127.0.0.1:*", "--allow-address", "127.0.0.1"],
    ];
    for (let count = 0; count < options.instances; count += 1) proxies.push(await startProxyInstance(flags));
    const setupStarted = Date.now();
    const urls = await createUpstreamOperations(simulator, options);
    const setupSeconds = rounded((Date.now() - setupStarted) / 1000, 0) ?? 0;

    const client = await connect(database.url);
    const transactionsBefore = await database.transactions();
    const started = Date.now();
    // As if adopted over one Retry-After: the first polls spread over it, as they would in steady use.
    const spreadMs = options.monitorRetryAfterSeconds * 1000;
    await insertFollowedRows(client, schema, hashApiKey(apiKey).identity, urls, spreadMs);
    await new Promise((resolve) => setTimeout(resolve, options.windowMs));
    const finished = Date.now();
    const memory = proxies.map((proxy) => proxy.memory());
    // Busy connections report to pg_stat_database every second, idle ones within 10 s.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const transactions = (await database.transactions()) - transactionsBefore;
    const ends = await detectedEnds(client, schema);
    await client.end();

    const records = await simulator.operations();
    const polls = records.reduce((sum, record) => sum + record.polls, 0);
    const lags: number[] = [];
    let detected = 0;
    const endsById = new Map(
      [...ends].map(([monitorUrl, at]) => [/operations\('([^']+)'\)/.exec(monitorUrl)?.[1], at]),
    );
    for (const record of records) {
      // Operations that ended upstream while the window was open (and not in its last 5 s).
      if (record.terminalAt < started || record.terminalAt > finished - 5000) continue;
      const seen = endsById.get(record.id);
      if (seen !== undefined) detected += 1;
      lags.push(Math.max(0, (seen ?? finished) - record.terminalAt));
    }
    const seconds = (finished - started) / 1000;
    return {
      instances: options.instances,
      setupSeconds,
      operations: options.operations,
      windowSeconds: rounded(seconds, 0) ?? 0,
      polls,
      pollsPerSecond: rounded(polls / seconds, 0),
      roundTripsPerPoll: rounded(transactions / polls, 2),
      rssMbPerInstance: rounded(memory.reduce((sum, usage) => sum + usage.rssMb, 0) / memory.length, 0),
      peakRssMbPerInstance: rounded(maximum(memory.map((usage) => usage.peakRssMb)), 0),
      ended: lags.length,
      detected,
      lagP50Ms: rounded(percentile(lags, 0.5), 0),
      lagP99Ms: rounded(percentile(lags, 0.99), 0),
      lagMaxMs: rounded(maximum(lags), 0),
    };
  } finally {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await simulator.stop();
    await database.drop();
  }
}
