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
  /** SIGKILLs the first instance halfway through the window (the others take its rows over). */
  killOne?: boolean;
}

export interface ClusterRunRow {
  instances: number;
  /** One instance was SIGKILLed halfway through the window. */
  killed: boolean;
  /** How long creating the upstream operations took, before the window. */
  setupSeconds: number;
  operations: number;
  windowSeconds: number;
  /** Monitor polls the upstream received within the window. */
  polls: number;
  pollsPerSecond: number | null;
  /**
   * Polls per second the schedule asks for: one per Retry-After of each operation while it runs in the
   * window, and one to see its end.
   */
  askedPerSecond: number | null;
  /** Statements the proxies sent to PostgreSQL (their own count), per poll. */
  roundTripsPerPoll: number | null;
  /** Transactions PostgreSQL committed in the run's database, per poll. */
  transactionsPerPoll: number | null;
  /** The proxies' CPU time (user and system) per poll. */
  proxyCpuPerPollUs: number | null;
  /** The busiest instance's CPU, in % of one core. */
  proxyCpuPercentMax: number | null;
  /** The simulator's CPU (the upstream, in its own process), per poll. */
  simulatorCpuPerPollUs: number | null;
  /** CPU of the PostgreSQL server processes serving the proxies, per poll. */
  databaseCpuPerPollUs: number | null;
  /** The operations table with its indexes at the end, per operation. */
  tableBytesPerOperation: number | null;
  rssMbPerInstance: number | null;
  peakRssMbPerInstance: number | null;
  ended: number;
  detected: number;
  lagP50Ms: number | null;
  lagP99Ms: number | null;
  lagMaxMs: number | null;
  /** Time between two polls of one monitor (within the window), p50 and p99: Retry-After when on schedule. */
  intervalP50Ms: number | null;
  intervalP99Ms: number | null;
  /** The shortest time between two polls of one monitor: a double poll well below the Retry-After shows here. */
  intervalMinMs: number | null;
  /** Two polls of one monitor closer than its Retry-After (less 100 ms), counted from the upstream's records. */
  doublePolls: number;
  /**
   * Operations that ended upstream early enough in the window to be seen (a lease, a Retry-After and 10 s
   * before it closed) but were not seen to end.
   */
  lost: number;
}

const schema = "lro_proxy";
/** The proxies' lease: a killed instance's rows go to the others when it runs out. */
const leaseMs = 30_000;
const apiKey = "cluster-benchmark-key-0123456789";

async function createUpstreamOperations(
  simulator: SimulatorProcess,
  options: ClusterRunOptions,
): Promise<string[]> {
  const random = createSeededRandom(42);
  const [shortest, longest] = options.durationMs;
  const urls: string[] = new Array<string>(options.operations);
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    for (let index = next++; index < options.operations; index = next++) {
      // An operation's time runs from its creation: it also runs for the rest of the set-up (estimated
      // from the rate so far), so that every operation's duration counts from the window's start.
      const elapsed = Date.now() - started;
      const remainingSetupMs = index === 0 ? 0 : ((options.operations - index) * elapsed) / index;
      const scenario = {
        durationMs: Math.round(remainingSetupMs + shortest + random() * (longest - shortest)),
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
        `${leaseMs / 1000}s`,
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
    const roundTripsOf = (proxy: ProxyInstance) =>
      proxy.metric("lro_proxy_database_round_trips_total", apiKey);
    const roundTripsBefore = await Promise.all(proxies.map(roundTripsOf));
    const cpuBefore = proxies.map((proxy) => proxy.cpuMs());
    const databaseCpuBefore = await database.backendCpu();
    const simulatorCpuBefore = await simulator.cpuMs();
    const started = Date.now();
    // As if adopted over one Retry-After: the first polls spread over it, as they would in steady use.
    const spreadMs = options.monitorRetryAfterSeconds * 1000;
    await insertFollowedRows(client, schema, hashApiKey(apiKey).identity, urls, spreadMs);
    // The killed instance's figures are read just before it dies.
    const last: { roundTrips: number; cpuMs: number; memory: ReturnType<ProxyInstance["memory"]> }[] = [];
    if (options.killOne === true && proxies.length > 1) {
      await new Promise((resolve) => setTimeout(resolve, options.windowMs / 2));
      const doomed = proxies[0]!;
      last[0] = { roundTrips: await roundTripsOf(doomed), cpuMs: doomed.cpuMs(), memory: doomed.memory() };
      await doomed.kill();
      await new Promise((resolve) => setTimeout(resolve, options.windowMs / 2));
    } else await new Promise((resolve) => setTimeout(resolve, options.windowMs));
    const finished = Date.now();
    const simulatorCpuMs = (await simulator.cpuMs()) - simulatorCpuBefore;
    let databaseCpuMs = 0;
    for (const [pid, cpuMs] of await database.backendCpu())
      databaseCpuMs += cpuMs - (databaseCpuBefore.get(pid) ?? 0);
    const size = await client.query<{ bytes: string }>(
      "SELECT pg_total_relation_size($1::regclass) AS bytes",
      [`"${schema}".operations`],
    );
    const tableBytes = Number(size.rows[0]?.bytes ?? 0);
    for (const [index, proxy] of proxies.entries()) {
      last[index] ??= { roundTrips: await roundTripsOf(proxy), cpuMs: proxy.cpuMs(), memory: proxy.memory() };
    }
    // Busy connections report to pg_stat_database every second, idle ones within 10 s.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const transactions = (await database.transactions()) - transactionsBefore;
    const ends = await detectedEnds(client, schema);
    await client.end();

    const records = await simulator.operations();
    const retryAfterMs = options.monitorRetryAfterSeconds * 1000;
    let polls = 0;
    let doublePolls = 0;
    let askedMs = 0;
    const intervals: number[] = [];
    for (const record of records) {
      const times = record.pollTimes.filter((time) => time >= started && time <= finished);
      polls += times.length;
      for (let index = 1; index < times.length; index += 1) {
        const interval = times[index]! - times[index - 1]!;
        intervals.push(interval);
        if (interval < retryAfterMs - 100) doublePolls += 1;
      }
      askedMs += Math.max(0, Math.min(record.terminalAt, finished) - started);
      // The poll that sees the end comes at the next poll time after it: within the window with a chance of
      // (time left) / Retry-After, the polls' phases being spread over a Retry-After.
      if (record.terminalAt <= finished) askedMs += Math.min(retryAfterMs, finished - record.terminalAt);
    }
    const lags: number[] = [];
    let detected = 0;
    let lost = 0;
    const endsById = new Map(
      [...ends].map(([monitorUrl, at]) => [/operations\('([^']+)'\)/.exec(monitorUrl)?.[1], at]),
    );
    for (const record of records) {
      const seen = endsById.get(record.id);
      const seeable = finished - (leaseMs + retryAfterMs + 10_000);
      if (seen === undefined && record.terminalAt >= started && record.terminalAt < seeable) lost += 1;
      // Operations that ended upstream while the window was open (and not in its last 5 s).
      if (record.terminalAt < started || record.terminalAt > finished - 5000) continue;
      if (seen !== undefined) detected += 1;
      lags.push(Math.max(0, (seen ?? finished) - record.terminalAt));
    }
    const seconds = (finished - started) / 1000;
    const roundTrips = last.reduce(
      (sum, figures, index) => sum + figures.roundTrips - roundTripsBefore[index]!,
      0,
    );
    const cpuMs = last.map((figures, index) => figures.cpuMs - cpuBefore[index]!);
    const memory = last.map((figures) => figures.memory);
    return {
      instances: options.instances,
      killed: options.killOne === true,
      setupSeconds,
      operations: options.operations,
      windowSeconds: rounded(seconds, 0) ?? 0,
      polls,
      pollsPerSecond: rounded(polls / seconds, 0),
      askedPerSecond: rounded(askedMs / retryAfterMs / seconds, 0),
      roundTripsPerPoll: rounded(roundTrips / polls, 3),
      transactionsPerPoll: rounded(transactions / polls, 3),
      proxyCpuPerPollUs: rounded((cpuMs.reduce((sum, value) => sum + value, 0) * 1000) / polls, 0),
      proxyCpuPercentMax: rounded((maximum(cpuMs) / (seconds * 1000)) * 100, 0),
      simulatorCpuPerPollUs: rounded((simulatorCpuMs * 1000) / polls, 0),
      databaseCpuPerPollUs: rounded((databaseCpuMs * 1000) / polls, 0),
      tableBytesPerOperation: rounded(tableBytes / options.operations, 0),
      rssMbPerInstance: rounded(memory.reduce((sum, usage) => sum + usage.rssMb, 0) / memory.length, 0),
      peakRssMbPerInstance: rounded(maximum(memory.map((usage) => usage.peakRssMb)), 0),
      ended: lags.length,
      detected,
      lagP50Ms: rounded(percentile(lags, 0.5), 0),
      lagP99Ms: rounded(percentile(lags, 0.99), 0),
      lagMaxMs: rounded(maximum(lags), 0),
      intervalP50Ms: rounded(percentile(intervals, 0.5), 0),
      intervalP99Ms: rounded(percentile(intervals, 0.99), 0),
      intervalMinMs:
        intervals.length === 0 ? null : intervals.reduce((shortest, value) => Math.min(shortest, value)),
      doublePolls,
      lost,
    };
  } finally {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await simulator.stop();
    await database.drop();
  }
}
