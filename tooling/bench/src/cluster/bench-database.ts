import { randomBytes } from "node:crypto";
import pg from "pg";
import { processCpuMs } from "../processes/process-cpu.js";

/** A node-postgres client: the benchmark's own dependency, the same major as the proxy's. */
export type DatabaseClient = pg.Client;

export async function connect(connectionString: string): Promise<DatabaseClient> {
  const client = new pg.Client({ connectionString });
  // A connection the server ends (a restart, pg_terminate_backend) fails the next query instead of the process.
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** A database of its own for one run, so its statistics count the proxies' statements only. */
export interface BenchDatabase {
  url: string;
  /** Transactions committed in it so far (every autocommit statement is one round trip). */
  transactions(): Promise<number>;
  /** CPU time (ms) of each server process connected to it now, by pid (Linux `/proc`, server on this machine). */
  backendCpu(): Promise<Map<number, number>>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `lro_bench_${randomBytes(5).toString("hex")}`;
  const admin = await connect(serverUrl);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async transactions() {
      await admin.query("SELECT pg_stat_clear_snapshot()");
      const { rows } = await admin.query<{ total: string }>(
        "SELECT xact_commit + xact_rollback AS total FROM pg_stat_database WHERE datname = $1",
        [name],
      );
      return Number(rows[0]?.total ?? 0);
    },
    async backendCpu() {
      const { rows } = await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      const usage = new Map<number, number>();
      for (const { pid } of rows) {
        try {
          usage.set(pid, processCpuMs(pid));
        } catch {
          // Not on this machine, or gone meanwhile.
        }
      }
      return usage;
    },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
