import pg from "pg";
import { assertSchemaName } from "./postgres-schema.js";
import type { PostgresConnectionOptions } from "./postgres-store-options.js";

export type { PostgresConnectionOptions } from "./postgres-store-options.js";

const int8 = 20;

/** BIGINT columns hold epoch milliseconds and versions: numbers, well inside the safe range. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === int8 && format !== "binary"
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Every connection uses the store's schema first, so the SQL never names it. */
export function connectionConfig(options: PostgresConnectionOptions): pg.ClientConfig {
  const schema = options.schema ?? "lro_proxy";
  assertSchemaName(schema);
  return {
    connectionString: options.connectionString,
    options: `-c search_path=${schema}`,
    types,
    application_name: "lro-proxy",
  };
}

export function createPool(options: PostgresConnectionOptions): pg.Pool {
  return new pg.Pool({ ...connectionConfig(options), max: options.poolSize ?? 10 });
}

export async function connectClient(options: PostgresConnectionOptions): Promise<pg.Client> {
  const client = new pg.Client(connectionConfig(options));
  await client.connect();
  return client;
}
