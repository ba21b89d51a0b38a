import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OperationStore } from "../operation-store.js";
import { pollResult, runningOperation } from "../test-support/store-fixtures.js";
import { connectClient } from "./postgres-connection.js";
import { statements } from "./postgres-statements.js";
import { openPostgresStore } from "./postgres-store.js";
import { recordPollsParameters } from "./record-polls-parameters.js";
import {
  dropSchema,
  postgresAvailable,
  testDatabaseUrl,
  uniqueSchemaName,
} from "./test-support/test-database.js";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Alias?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** How PostgreSQL would read `operations` for `sql`: its sequential scans and the indexes it uses. */
async function readsOfOperations(client: pg.Client, sql: string, values: unknown[]) {
  const result = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON) ${sql}`,
    values,
  );
  const nodes = planNodes(result.rows[0]!["QUERY PLAN"][0].Plan);
  return {
    sequentialScans: nodes.filter(
      (node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === "operations",
    ).length,
    indexes: [...new Set(nodes.flatMap((node) => node["Index Name"] ?? []))].sort(),
  };
}

const available = await postgresAvailable();

/**
 * The tracker's batch statements keep their plan whatever the table's statistics say: here a table filled
 * at once (a bulk adoption) and analysed while no row was leased, the case where an estimate of one leased
 * row once made a write of 500 outcomes read the batch once per row of the table (seconds per statement).
 */
describe.runIf(available)("PostgreSQL plans of the tracker's batch statements", () => {
  const url = testDatabaseUrl as string;
  const schema = uniqueSchemaName();
  const rows = 20_000;
  let store: OperationStore;
  let client: pg.Client;

  beforeAll(async () => {
    store = await openPostgresStore({ connectionString: url, schema });
    client = await connectClient({ connectionString: url, schema });
    await client.query(
      `INSERT INTO operations (id, owner, kind, status, monitor_url, operation, created_at, updated_at, version,
         due_at, pacing)
       SELECT 'op-' || n, 'alice', 'teamsAsyncOperation', 'running',
         'https://graph.microsoft.com/v1.0/teams/t/operations/' || n, $1::json, 1000, 1000, n, 1000 + n, '{}'
       FROM generate_series(1, $2::integer) AS n`,
      [JSON.stringify(runningOperation()), rows],
    );
    await client.query("UPDATE change_sequence SET value = $1", [rows]);
    await client.query("ANALYZE operations");
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    await store?.close();
    await dropSchema(url, schema);
  });

  it("writes a batch of outcomes with one primary-key lookup per outcome", async () => {
    const claimed = await store.claimDue(1000 + rows, 500, "worker", 60_000);
    expect(claimed).toHaveLength(500);
    const outcomes = claimed.map((record) => ({ id: record.id, result: pollResult() }));
    expect(
      await readsOfOperations(client, statements.recordPolls, recordPollsParameters("worker", outcomes)),
    ).toEqual({ sequentialScans: 0, indexes: ["operations_pkey"] });
  });

  it("claims by walking the due index in order, then updates the rows found through the primary key", async () => {
    const now = 1000 + rows;
    const reads = await readsOfOperations(client, statements.claimDue, [
      "worker",
      60_000,
      now + 2000,
      500,
      "this-instance",
      now - 30_000,
      now,
    ]);
    expect(reads).toEqual({ sequentialScans: 0, indexes: ["operations_by_due", "operations_pkey"] });
  });
});
