import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";

/** The part of node-postgres the benchmark uses (the driver comes with lro-proxy). */
export interface DatabaseClient {
  connect(): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}

type ClientConstructor = new (config: { connectionString: string }) => DatabaseClient;

/** node-postgres as lro-proxy resolves it: the benchmark drives the same driver as the proxy. */
function clientClass(): ClientConstructor {
  const proxyRequire = createRequire(createRequire(import.meta.url).resolve("lro-proxy/package.json"));
  return (proxyRequire("pg") as { Client: ClientConstructor }).Client;
}

export async function connect(connectionString: string): Promise<DatabaseClient> {
  const Client = clientClass();
  const client = new Client({ connectionString });
  await client.connect();
  return client;
}

/** A database of its own for one run, so its statistics count the proxies' statements only. */
export interface BenchDatabase {
  url: string;
  /** Transactions committed in it so far (every autocommit statement is one round trip). */
  transactions(): Promise<number>;
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
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
