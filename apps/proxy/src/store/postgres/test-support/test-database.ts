import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * The PostgreSQL server tests use: `LRO_TEST_DATABASE_URL`. Without it the PostgreSQL tests are skipped
 * (and say so); with `LRO_REQUIRE_DATABASE=1` (CI) a server that cannot be reached fails them instead.
 */
export const testDatabaseUrl = process.env.LRO_TEST_DATABASE_URL?.trim() || undefined;
const required = process.env.LRO_REQUIRE_DATABASE === "1";

async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the PostgreSQL tests run: true when the server answers. Throws when it is required and cannot
 * be reached; otherwise prints why the tests are skipped.
 */
export async function postgresAvailable(): Promise<boolean> {
  if (testDatabaseUrl === undefined) {
    if (required) throw new Error("LRO_REQUIRE_DATABASE=1 but LRO_TEST_DATABASE_URL is not set");
    console.warn(
      "PostgreSQL tests skipped: set LRO_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them",
    );
    return false;
  }
  const problem = await probe(testDatabaseUrl);
  if (problem === undefined) return true;
  const message = `PostgreSQL at LRO_TEST_DATABASE_URL cannot be reached: ${problem}`;
  if (required) throw new Error(`${message} (LRO_REQUIRE_DATABASE=1)`);
  console.warn(`PostgreSQL tests skipped: ${message}`);
  return false;
}

/** A schema name no other test run uses. */
export function uniqueSchemaName(): string {
  return `lro_test_${randomBytes(6).toString("hex")}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
