import { randomUUID } from "node:crypto";
import type { DatabaseClient } from "./bench-database.js";

const batchSize = 5000;

/**
 * Writes followed operations straight into the proxy's `operations` table, as `adopt` would (due at
 * once, spread over `spreadMs`), in batches: 100,000 adoptions over HTTP would measure the forwarding
 * path rather than the following. Versions come from the store's counter.
 */
export async function insertFollowedRows(
  client: DatabaseClient,
  schema: string,
  owner: string,
  monitorUrls: readonly string[],
  spreadMs: number,
): Promise<void> {
  const operation = JSON.stringify({
    kind: "teamsAsyncOperation",
    status: "notStarted",
    rawStatus: "notStarted",
    raw: {},
  });
  for (let start = 0; start < monitorUrls.length; start += batchSize) {
    const urls = monitorUrls.slice(start, start + batchSize);
    const now = Date.now();
    await client.query("BEGIN");
    const { rows } = await client.query<{ value: string }>(
      `UPDATE "${schema}".change_sequence SET value = value + $1 RETURNING value`,
      [urls.length],
    );
    const base = Number(rows[0]?.value) - urls.length;
    await client.query(
      `INSERT INTO "${schema}".operations (id, owner, kind, status, monitor_url, operation, created_at,
         updated_at, version, due_at, pacing)
       SELECT id, $3, 'teamsAsyncOperation', 'notStarted', monitor_url, $4::json, $5, $5, $6 + position,
         $5 + (random() * $7)::bigint, '{"samples":[]}'
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS batch(id, monitor_url, position)`,
      [urls.map(() => randomUUID()), urls, owner, operation, now, base, spreadMs],
    );
    await client.query("COMMIT");
  }
  // As after any bulk load: statistics of the filled table, not of the empty one the proxies created.
  await client.query(`ANALYZE "${schema}".operations`);
}

/** When the proxy saw each operation end (epoch ms), by monitor URL. */
export async function detectedEnds(client: DatabaseClient, schema: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ monitor_url: string; terminal_at: string }>(
    `SELECT monitor_url, terminal_at FROM "${schema}".operations WHERE terminal_at IS NOT NULL`,
  );
  return new Map(rows.map((row) => [row.monitor_url, Number(row.terminal_at)]));
}
