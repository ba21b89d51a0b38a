import type { Client, Pool } from "pg";
import type { OperationChange, OperationChangeListener } from "../store/operation-change.js";
import { changeChannel } from "../store/postgres/postgres-schema.js";
import { toOperationRecord, type PostgresOperationRow } from "../store/postgres/postgres-row.js";
import type { FeedLogger } from "../store/postgres/postgres-store-options.js";

export type { FeedLogger } from "../store/postgres/postgres-store-options.js";

export interface ChangeFeedOptions {
  /** Reads the changed rows (search_path set to the store's schema). */
  pool: Pool;
  /** Opens the dedicated connection that LISTENs (search_path set likewise). */
  connect: () => Promise<Client>;
  schema: string;
  /** Receives every change once, in version order. */
  emit: OperationChangeListener;
  logger?: FeedLogger;
  /** Rows read per round trip while catching up. Default 1000. */
  batchSize?: number;
  /** Delay before reconnecting or retrying a failed read. Default 1 s. */
  retryMs?: number;
}

/**
 * Fans every committed change of a shared schema out to this process's listeners, whichever instance
 * made it. PostgreSQL announces each committed version on one channel (`<schema>:<version>`, a few bytes);
 * the feed keeps the highest version it delivered and reads the rows above it in version order, in one
 * round trip however many changes arrived meanwhile. Schemas of version 2 and later announce only the
 * schema (`<schema>`), once per transaction however many rows it changed: the feed then reads until it
 * has caught up. Versions commit in order (the counter row stays
 * locked until commit), so reading `version > delivered` never skips a change; a missed notification
 * (reconnect) only delays delivery until the next one or the reconnect's own catch-up.
 */
export interface ChangeFeed {
  /**
   * A change this process committed: resolves once it (and every change before it) reached the
   * listeners. With nothing pending it is delivered as it is, without reading it back.
   */
  delivered(version: number, change?: OperationChange): Promise<void>;
  /** The highest version delivered so far. */
  readonly version: number;
  close(): Promise<void>;
}

export function toOperationChange(row: PostgresOperationRow): OperationChange {
  return row.deleted_at === null
    ? {
        type: "operation",
        owner: row.owner,
        id: row.id,
        version: row.version,
        record: toOperationRecord(row),
      }
    : { type: "deleted", owner: row.owner, id: row.id, version: row.version };
}

export async function openChangeFeed(options: ChangeFeedOptions): Promise<ChangeFeed> {
  const { pool, schema, emit } = options;
  const batchSize = options.batchSize ?? 1000;
  const retryMs = options.retryMs ?? 1000;
  let delivered = 0;
  let wanted = 0;
  // A transaction committed changes whose versions the announcement did not say: read until caught up.
  let behind = false;
  let draining: Promise<void> | undefined;
  let closed = false;
  let listener: Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  const deliver = (change: OperationChange) => {
    if (change.version <= delivered) return;
    delivered = change.version;
    emit(change);
  };

  const readCommitted = async () => {
    while ((behind || wanted > delivered) && !closed) {
      const target = wanted;
      behind = false;
      const { rows } = await pool.query<PostgresOperationRow>(
        "SELECT * FROM operations WHERE version > $1 ORDER BY version LIMIT $2",
        [delivered, batchSize],
      );
      for (const row of rows) deliver(toOperationChange(row));
      // Versions up to `target` were committed before the read: those not seen were overwritten or purged.
      if (rows.length < batchSize) delivered = Math.max(delivered, target);
      else behind = true;
    }
  };

  const retryLater = () => {
    if (closed || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void drain();
    }, retryMs);
    retryTimer.unref();
  };

  const drain = (): Promise<void> =>
    (draining ??= readCommitted()
      .catch((error: unknown) => {
        options.logger?.warn({ err: error }, "could not read the latest changes; trying again");
        retryLater();
      })
      .finally(() => {
        draining = undefined;
      }));

  const announced = (version: number) => {
    if (version > wanted) wanted = version;
    if (wanted > delivered) void drain();
  };

  const listen = async (): Promise<void> => {
    const client = await options.connect();
    client.on("notification", (message) => {
      const payload = message.payload ?? "";
      if (message.channel !== changeChannel) return;
      if (payload === schema) {
        behind = true;
        void drain();
        return;
      }
      const separator = payload.lastIndexOf(":");
      if (payload.slice(0, separator) !== schema) return;
      const version = Number(payload.slice(separator + 1));
      if (Number.isSafeInteger(version)) announced(version);
    });
    client.on("error", (error) => {
      options.logger?.warn({ err: error }, "the change listener lost its connection; reconnecting");
      void client.end().catch(() => undefined);
      if (listener === client) listener = undefined;
      const reconnect = () => {
        if (closed) return;
        listen().then(
          () => void catchUpFromCounter().catch(() => retryLater()),
          () => setTimeout(reconnect, retryMs).unref(),
        );
      };
      setTimeout(reconnect, retryMs).unref();
    });
    await client.query(`LISTEN ${changeChannel}`);
    if (closed) await client.end();
    else listener = client;
  };

  const readCounter = async () => {
    const { rows } = await pool.query<{ value: number }>("SELECT value FROM change_sequence");
    return rows[0]?.value ?? 0;
  };
  const catchUpFromCounter = async () => announced(await readCounter());

  await listen();
  // Listening first, then reading the counter: nothing committed in between goes unannounced.
  delivered = wanted = Math.max(wanted, await readCounter());

  return {
    async delivered(version, change) {
      if (version <= delivered) return;
      if (change !== undefined && draining === undefined && version === delivered + 1) {
        deliver(change);
        return;
      }
      announced(version);
      while (delivered < version && draining !== undefined && !closed) await draining;
    },
    get version() {
      return delivered;
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await draining;
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
