import { openChangeFeed, toOperationChange } from "../../cluster/change-feed.js";
import { randomUUID } from "node:crypto";
import type { OperationChangeListener } from "../operation-change.js";
import type { OperationStore } from "../operation-store.js";
import type { SweepResult } from "../retention.js";
import { connectClient, createPool } from "./postgres-connection.js";
import { toPostgresCondition } from "./postgres-filter.js";
import { toOperationRecord, type PostgresOperationRow } from "./postgres-row.js";
import { migratePostgresSchema } from "./postgres-schema.js";
import type { PostgresStoreOptions } from "./postgres-store-options.js";
import { statements } from "./postgres-statements.js";
import { recordPollsParameters } from "./record-polls-parameters.js";

export type { PostgresStoreOptions } from "./postgres-store-options.js";

/**
 * The shared store: several proxy instances on one PostgreSQL schema behave as one. Due rows are leased
 * with `FOR UPDATE SKIP LOCKED`, so each poll goes to one instance; a lease that runs out (its holder
 * died) makes the row due again for the others. Every committed change reaches every instance's
 * listeners in version order through LISTEN/NOTIFY. Migrations run on open under an advisory lock.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<OperationStore> {
  const schema = options.schema ?? "lro_proxy";
  const pool = createPool(options);
  // Every statement of the pool's connections is one round trip: counted for the operator (metrics).
  let roundTrips = 0;
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      roundTrips += 1;
      return query(...args);
    }) as typeof client.query;
  });
  pool.on("error", (error) => options.logger?.warn({ err: error }, "an idle database connection failed"));
  try {
    const client = await pool.connect();
    try {
      await migratePostgresSchema(client, schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }

  const listeners = new Set<OperationChangeListener>();
  const scheduleWatchers = new Set<() => void>();
  const leaseOwners = new Set<string>();
  const feed = await openChangeFeed({
    pool,
    connect: () => connectClient(options),
    schema,
    logger: options.logger,
    emit: (change) => {
      for (const listener of listeners) listener(change);
    },
  }).catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  const instanceId = randomUUID();
  const instanceTimeoutMs = options.instanceTimeoutMs ?? 10_000;
  const wakeGranularityMs = Math.max(1, options.wakeGranularityMs ?? 100);
  const heartbeat = () => pool.query(statements.heartbeat, [instanceId, Date.now()]);
  await heartbeat();
  const rescan = setInterval(() => {
    heartbeat().catch((error: unknown) => options.logger?.warn({ err: error }, "the heartbeat failed"));
    for (const watcher of scheduleWatchers) watcher();
  }, options.rescanIntervalMs ?? 1000);
  rescan.unref();

  const rows = async (sql: string, parameters: unknown[]) =>
    (await pool.query<PostgresOperationRow>(sql, parameters)).rows;
  const announce = async (row: PostgresOperationRow) => {
    await feed.delivered(row.version, toOperationChange(row));
  };

  let closing: Promise<void> | undefined;
  const store = {
    async insert(record) {
      const [row] = await rows(statements.insert, [
        record.id,
        record.owner,
        record.kind,
        record.operation.status,
        record.monitorUrl,
        record.requestUrl ?? null,
        record.tokenOrigin ?? null,
        record.notificationUrl ?? null,
        JSON.stringify(record.operation),
        record.createdAt,
        record.dueAt,
        JSON.stringify(record.pacing ?? {}),
        instanceId,
      ]);
      if (row === undefined) throw new Error("the operation was not inserted");
      await announce(row);
      return toOperationRecord(row);
    },
    async get(owner, id) {
      const [row] = await rows(statements.selectOne, [owner, id]);
      return row === undefined ? undefined : toOperationRecord(row);
    },
    async list(owner, options) {
      const parameters: unknown[] = [owner];
      const conditions = ["owner = $1", "deleted_at IS NULL"];
      if (options.after !== undefined) {
        parameters.push(options.after.createdAt, options.after.id);
        conditions.push("(created_at, id) < ($2, $3)");
      }
      if (options.filter !== undefined) conditions.push(toPostgresCondition(options.filter, parameters));
      parameters.push(options.limit);
      const sql = `SELECT * FROM operations WHERE ${conditions.join(" AND ")}
        ORDER BY created_at DESC, id DESC LIMIT $${parameters.length}`;
      return (await rows(sql, parameters)).map(toOperationRecord);
    },
    async countActive(owner) {
      const result = await pool.query<{ count: number }>(statements.countActive, [owner]);
      return result.rows[0]?.count ?? 0;
    },
    async countByStatus() {
      const result = await pool.query<{ status: string; count: number }>(statements.countByStatus);
      return Object.fromEntries(result.rows.map(({ status, count }) => [status, count]));
    },
    async remove(owner, id, now) {
      const [row] = await rows(statements.remove, [owner, id, now]);
      if (row === undefined) return false;
      await announce(row);
      return true;
    },
    async claimDue(now, limit, leaseOwner, leaseMs, claim) {
      if (limit <= 0) return [];
      leaseOwners.add(leaseOwner);
      const claimed = await rows(statements.claimDue, [
        leaseOwner,
        leaseMs,
        Math.max(now, claim?.until ?? now),
        limit,
        instanceId,
        Date.now() - instanceTimeoutMs,
        now,
      ]);
      return claimed.map((row) => {
        const record = toOperationRecord(row);
        record.schedule.dueAt = Number((row as PostgresOperationRow & { planned_at: number }).planned_at);
        return record;
      });
    },
    async recordPoll(id, leaseOwner, result) {
      const [written] = await this.recordPolls(leaseOwner, [{ id, result }]);
      return written;
    },
    async recordPolls(leaseOwner, outcomes) {
      if (outcomes.length === 0) return [];
      const written = await rows(statements.recordPolls, recordPollsParameters(leaseOwner, outcomes));
      const byId = new Map(written.map((row) => [row.id, row]));
      // This process's listeners hear its own changes at once, in version order.
      const changedIds = new Set(outcomes.filter(({ result }) => result.changed).map(({ id }) => id));
      const changed = written
        .filter((row) => changedIds.has(row.id))
        .sort((left, right) => left.version - right.version);
      for (const row of changed) await announce(row);
      return outcomes.map(({ id }) => {
        const row = byId.get(id);
        return row === undefined ? undefined : toOperationRecord(row);
      });
    },
    async nextDueAt() {
      const result = await pool.query<{ due_at: number | null }>(statements.nextDueAt);
      const dueAt = result.rows[0]?.due_at;
      return dueAt === null || dueAt === undefined
        ? undefined
        : Math.ceil(dueAt / wakeGranularityMs) * wakeGranularityMs;
    },
    async resumeAwaitingAuthorization(owner, tokenOrigin, now) {
      return (await rows(statements.resumeAwaitingAuthorization, [now, owner, tokenOrigin, instanceId])).map(
        toOperationRecord,
      );
    },
    async claimDueNotifications(now, limit, leaseOwner, leaseMs) {
      if (limit <= 0) return [];
      leaseOwners.add(leaseOwner);
      const claimed = await rows(statements.claimDueNotifications, [leaseOwner, now + leaseMs, now, limit]);
      return claimed.map(toOperationRecord);
    },
    async recordNotification(id, leaseOwner, progress) {
      await pool.query(statements.recordNotification, [
        progress.state,
        progress.attempts,
        progress.dueAt ?? null,
        id,
        leaseOwner,
      ]);
    },
    async listChangesSince(owner, version, options) {
      const changed =
        options?.id === undefined
          ? await rows(statements.changesSince, [owner, version])
          : await rows(statements.changesOfOneSince, [owner, version, options.id]);
      return changed.map(toOperationChange);
    },
    async sweep(now, markerRetentionMs): Promise<SweepResult> {
      const client = await pool.connect();
      let expired: PostgresOperationRow[];
      let purged: number;
      try {
        await client.query("BEGIN");
        const counter = await client.query<{ value: number }>(statements.lockCounter);
        const base = counter.rows[0]?.value ?? 0;
        expired = (await client.query<PostgresOperationRow>(statements.expire, [now, base])).rows;
        if (expired.length > 0) await client.query(statements.advanceCounter, [base + expired.length]);
        purged = (await client.query(statements.purgeMarkers, [now - markerRetentionMs])).rowCount ?? 0;
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      const latest = expired.reduce((highest, row) => Math.max(highest, row.version), 0);
      if (latest > 0) await feed.delivered(latest);
      return { expired: expired.length, purged };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    roundTrips: () => roundTrips,
    watchSchedule(watcher) {
      scheduleWatchers.add(watcher);
      return () => scheduleWatchers.delete(watcher);
    },
    close() {
      closing ??= closeOnce();
      return closing;
    },
  } satisfies OperationStore & { watchSchedule(watcher: () => void): () => void };

  return store;

  async function closeOnce(): Promise<void> {
    clearInterval(rescan);
    scheduleWatchers.clear();
    await feed.close();
    listeners.clear();
    if (leaseOwners.size > 0) {
      await pool
        .query(statements.releaseLeases, [[...leaseOwners], Date.now()])
        .catch((error: unknown) => options.logger?.warn({ err: error }, "could not release the leases"));
    }
    await pool
      .query(statements.forgetInstance, [instanceId, Date.now() - 24 * 3_600_000])
      .catch((error: unknown) => options.logger?.warn({ err: error }, "could not sign the instance off"));
    await pool.end();
  }
}
