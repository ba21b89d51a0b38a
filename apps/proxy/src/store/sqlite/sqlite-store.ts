import type { OperationChange, OperationChangeListener } from "../operation-change.js";
import type { NewOperationRecord, NotificationProgress } from "../operation-record.js";
import type { ListOptions } from "../operation-records.js";
import type { OperationStore } from "../operation-store.js";
import type { PollOutcomeWrite, PollResult } from "../poll-schedule.js";
import type { SweepResult } from "../retention.js";
import { withRecordCache } from "../record-cache.js";
import { withHealthWatch } from "../store-health.js";
import { pluck, transaction, type SqliteStatement, type SqliteValue } from "./sqlite-database.js";
import { openExclusiveSqliteFile } from "./sqlite-file.js";
import { toSqlCondition } from "./sqlite-filter.js";
import { toOperationRecord, type OperationRow } from "./sqlite-row.js";
import { migrateSqliteSchema } from "./sqlite-schema.js";

const never = Number.MAX_SAFE_INTEGER;

/** The first row `statement` returns, typed as the caller knows it. */
function one<Row = OperationRow>(statement: SqliteStatement, ...parameters: SqliteValue[]): Row | undefined {
  return statement.get(...parameters) as Row | undefined;
}

/** Every row `statement` returns, typed as the caller knows it. */
function many<Row = OperationRow>(statement: SqliteStatement, ...parameters: SqliteValue[]): Row[] {
  return statement.all(...parameters) as Row[];
}

export interface SqliteStoreOptions {
  /** The directory that holds `operations.db` (created if missing). */
  dataDir: string;
  /** Records kept in memory for repeated reads (see `withRecordCache`); 0 keeps none. Default 1,024. */
  cachedRecords?: number;
}

/**
 * Opening a data directory releases the leases its last process held (it may have been killed mid-poll).
 * A row claimed for a poll becomes due when that poll was planned plus the Retry-After its monitor last
 * asked for (the poll may have reached the monitor before the process died), or at once if that has
 * passed; a row leased otherwise (a notification, or a claim by a version that kept no claim time) at once.
 */
const releaseLeasesOfTheLastProcess = `UPDATE operations SET
    due_at = CASE WHEN claimed_at IS NULL OR due_at IS NULL THEN MIN(due_at, @now)
      ELSE MAX(@now, claimed_at + CASE WHEN json_type(pacing, '$.retryAfterMs') IN ('integer', 'real')
        THEN CAST(json_extract(pacing, '$.retryAfterMs') AS INTEGER) ELSE 0 END) END,
    notification_due_at = MIN(notification_due_at, @now),
    lease_owner = NULL, lease_until = NULL, claimed_at = NULL
  WHERE lease_owner IS NOT NULL`;

/**
 * The embedded store: one SQLite database in WAL mode, held by this process alone (a second process on
 * the directory is refused; see `openExclusiveSqliteFile`, which also checks the file before anything is
 * served). A data directory belongs to one process, so opening it releases the leases a previous process
 * held (see `releaseLeasesOfTheLastProcess`) and polling resumes where it stood. Being the only writer, it keeps the
 * records read last in memory (`withRecordCache`).
 */
export function openSqliteStore(options: SqliteStoreOptions): OperationStore {
  const database = openExclusiveSqliteFile(options.dataDir);
  let open = true;
  database.exec("PRAGMA journal_mode = WAL");
  database.exec("PRAGMA synchronous = NORMAL");
  database.exec("PRAGMA busy_timeout = 5000");
  migrateSqliteSchema(database);
  database.prepare(releaseLeasesOfTheLastProcess).run({ now: Date.now() });

  const listeners = new Set<OperationChangeListener>();
  const emit = (changes: OperationChange[]) => {
    for (const change of changes) for (const listener of listeners) listener(change);
  };
  const nextVersionRow = database.prepare("UPDATE change_sequence SET value = value + 1 RETURNING value");
  const nextVersion = () => pluck<number>(nextVersionRow) as number;
  const selectOne = database.prepare(
    "SELECT * FROM operations WHERE owner = ? AND id = ? AND deleted_at IS NULL",
  );
  const selectById = database.prepare("SELECT * FROM operations WHERE id = ?");
  const changed = (row: OperationRow): OperationChange => ({
    type: "operation",
    owner: row.owner,
    id: row.id,
    version: row.version,
    record: toOperationRecord(row),
  });

  const insertRow = database.prepare(
    `INSERT INTO operations (id, owner, kind, status, monitor_url, request_url, token_origin, notification_url,
       operation, created_at, updated_at, version, due_at, pacing)
     VALUES (@id, @owner, @kind, @status, @monitorUrl, @requestUrl, @tokenOrigin, @notificationUrl,
       @operation, @createdAt, @createdAt, @version, @dueAt, @pacing) RETURNING *`,
  );
  const insert = transaction(
    database,
    (record: NewOperationRecord) =>
      insertRow.get({
        id: record.id,
        owner: record.owner,
        kind: record.kind,
        status: record.operation.status,
        monitorUrl: record.monitorUrl,
        requestUrl: record.requestUrl ?? null,
        tokenOrigin: record.tokenOrigin ?? null,
        notificationUrl: record.notificationUrl ?? null,
        operation: JSON.stringify(record.operation),
        createdAt: record.createdAt,
        version: nextVersion(),
        dueAt: record.dueAt,
        pacing: JSON.stringify(record.pacing ?? {}),
      }) as unknown as OperationRow,
  );

  const removeRow = database.prepare(
    `UPDATE operations SET deleted_at = ?, version = ?, updated_at = ?, due_at = NULL, notification_due_at = NULL,
       lease_owner = NULL, lease_until = NULL, awaiting_authorization = 0
     WHERE owner = ? AND id = ? AND deleted_at IS NULL RETURNING owner, id, version`,
  );
  const remove = transaction(database, (owner: string, id: string, now: number) => {
    const probe = selectOne.get(owner, id);
    if (probe === undefined) return undefined;
    return removeRow.get(now, nextVersion(), now, owner, id) as {
      owner: string;
      id: string;
      version: number;
    };
  });

  // The row keeps the lease's end as its due time; the record returned, when its poll was due.
  const dueRows = database.prepare(
    `SELECT id, due_at FROM operations WHERE due_at IS NOT NULL AND due_at <= @until AND deleted_at IS NULL
       AND (lease_until IS NULL OR lease_until <= @now)
     ORDER BY due_at LIMIT @limit`,
  );
  const leaseRow = database.prepare(
    `UPDATE operations SET lease_owner = @leaseOwner, lease_until = MAX(due_at, @now) + @leaseMs,
       due_at = MAX(due_at, @now) + @leaseMs, claimed_at = MAX(due_at, @now)
     WHERE id = @id RETURNING *`,
  );
  const claimDue = transaction(
    database,
    (leaseOwner: string, now: number, leaseMs: number, until: number, limit: number) =>
      (dueRows.all({ until, now, limit }) as { id: string; due_at: number }[]).map(({ id, due_at }) => {
        const record = toOperationRecord(
          leaseRow.get({ leaseOwner, now, leaseMs, id }) as unknown as OperationRow,
        );
        record.schedule.dueAt = due_at;
        return record;
      }),
  );
  const claimNotificationRows = database.prepare(
    `UPDATE operations SET lease_owner = ?, lease_until = ?, notification_due_at = ?, claimed_at = NULL
     WHERE id IN (SELECT id FROM operations WHERE notification_due_at IS NOT NULL AND notification_due_at <= ?
                  AND deleted_at IS NULL ORDER BY notification_due_at LIMIT ?)
     RETURNING *`,
  );

  const updatePoll = database.prepare(
    `UPDATE operations SET kind = @kind, status = @status, operation = @operation, status_note = @statusNote,
       awaiting_authorization = @awaitingAuthorization,
       updated_at = CASE WHEN @changed = 1 THEN @now ELSE updated_at END, version = @version, due_at = @dueAt,
       attempt = @attempt, consecutive_failures = @consecutiveFailures, pacing = @pacing,
       terminal_at = COALESCE(@terminalAt, terminal_at), expires_at = COALESCE(@expiresAt, expires_at),
       notification_state = CASE WHEN @notificationDueAt IS NULL THEN notification_state ELSE 'pending' END,
       notification_due_at = COALESCE(@notificationDueAt, notification_due_at),
       token_origin = CASE WHEN @keepTokenOrigin = 1 THEN token_origin ELSE @tokenOrigin END,
       lease_owner = NULL, lease_until = NULL
     WHERE id = @id AND lease_owner = @leaseOwner AND deleted_at IS NULL RETURNING *`,
  );
  const writePoll = (id: string, leaseOwner: string, result: PollResult) => {
    const current = one(selectById, id);
    if (current === undefined || current.lease_owner !== leaseOwner || current.deleted_at !== null) return;
    const row = updatePoll.get({
      id,
      leaseOwner,
      kind: result.operation.kind,
      status: result.operation.status,
      operation: JSON.stringify(result.operation),
      statusNote: result.statusNote ?? null,
      awaitingAuthorization: result.awaitingAuthorization ? 1 : 0,
      now: result.now,
      changed: result.changed ? 1 : 0,
      version: result.changed ? nextVersion() : current.version,
      dueAt: result.dueAt ?? null,
      attempt: result.attempt,
      consecutiveFailures: result.consecutiveFailures,
      pacing: JSON.stringify(result.pacing),
      terminalAt: result.terminal?.at ?? null,
      expiresAt: result.terminal?.expiresAt ?? null,
      notificationDueAt: result.notificationDueAt ?? null,
      keepTokenOrigin: result.tokenOrigin === undefined ? 1 : 0,
      tokenOrigin: result.tokenOrigin ?? null,
    }) as OperationRow | undefined;
    return row === undefined ? undefined : { row, changed: result.changed };
  };
  const recordPoll = transaction(database, writePoll);
  // Many outcomes in one transaction: one commit (one sync of the log) for the whole batch.
  const recordPolls = transaction(database, (leaseOwner: string, outcomes: readonly PollOutcomeWrite[]) =>
    outcomes.map(({ id, result }) => writePoll(id, leaseOwner, result)),
  );

  const nextDueRow = database.prepare(
    `SELECT MIN(
         COALESCE((SELECT due_at FROM operations WHERE due_at IS NOT NULL ORDER BY due_at LIMIT 1), ${never}),
         COALESCE((SELECT notification_due_at FROM operations WHERE notification_due_at IS NOT NULL
                   ORDER BY notification_due_at LIMIT 1), ${never}))`,
  );
  const resumeRows = database.prepare(
    `UPDATE operations SET due_at = ?, awaiting_authorization = 0
     WHERE owner = ? AND token_origin = ? AND awaiting_authorization = 1 AND deleted_at IS NULL RETURNING *`,
  );
  const updateNotification = database.prepare(
    `UPDATE operations SET notification_state = ?, notification_attempts = ?, notification_due_at = ?,
       lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND deleted_at IS NULL`,
  );
  const changesSince = database.prepare(
    "SELECT * FROM operations WHERE owner = ? AND version > ? ORDER BY version",
  );
  const changesOfOneSince = database.prepare(
    "SELECT * FROM operations WHERE owner = ? AND version > ? AND id = ? ORDER BY version",
  );
  const countActiveRows = database.prepare(
    "SELECT COUNT(*) FROM operations WHERE owner = ? AND deleted_at IS NULL AND terminal_at IS NULL",
  );

  const statusCounts = database.prepare(
    "SELECT status, COUNT(*) AS count FROM operations WHERE deleted_at IS NULL GROUP BY status",
  );

  const expiredRows = database.prepare(
    "SELECT owner, id FROM operations WHERE expires_at IS NOT NULL AND expires_at <= ? AND deleted_at IS NULL",
  );
  const purgeMarkers = database.prepare(
    "DELETE FROM operations WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
  );
  const sweep = transaction(database, (now: number, markerRetentionMs: number) => {
    const deleted: OperationChange[] = [];
    for (const { owner, id } of many<{ owner: string; id: string }>(expiredRows, now)) {
      const marker = removeRow.get(now, nextVersion(), now, owner, id) as { version: number };
      deleted.push({ type: "deleted", owner, id, version: marker.version });
    }
    const purged = Number(purgeMarkers.run(now - markerRetentionMs).changes);
    return { deleted, purged };
  });

  const store: OperationStore = {
    async insert(record) {
      const row = insert(record);
      emit([changed(row)]);
      return toOperationRecord(row);
    },
    async get(owner, id) {
      const row = one(selectOne, owner, id);
      return row === undefined ? undefined : toOperationRecord(row);
    },
    async list(owner: string, options: ListOptions) {
      const conditions = ["owner = ?", "deleted_at IS NULL"];
      const parameters: (string | number)[] = [owner];
      if (options.after !== undefined) {
        conditions.push("(created_at < ? OR (created_at = ? AND id < ?))");
        parameters.push(options.after.createdAt, options.after.createdAt, options.after.id);
      }
      if (options.filter !== undefined) {
        const condition = toSqlCondition(options.filter);
        conditions.push(condition.sql);
        parameters.push(...condition.parameters);
      }
      const rows = many(
        database.prepare(
          `SELECT * FROM operations WHERE ${conditions.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT ?`,
        ),
        ...parameters,
        options.limit,
      );
      return rows.map(toOperationRecord);
    },
    async countActive(owner) {
      return pluck<number>(countActiveRows, owner) ?? 0;
    },
    async countByStatus() {
      return Object.fromEntries(
        many<{ status: string; count: number }>(statusCounts).map(({ status, count }) => [status, count]),
      );
    },
    async remove(owner, id, now) {
      const marker = remove(owner, id, now);
      if (marker === undefined) return false;
      emit([{ type: "deleted", owner, id, version: marker.version }]);
      return true;
    },
    async claimDue(now, limit, leaseOwner, leaseMs, claim) {
      if (limit <= 0) return [];
      return claimDue(leaseOwner, now, leaseMs, Math.max(now, claim?.until ?? now), limit);
    },
    async recordPoll(id, leaseOwner, result) {
      const written = recordPoll(id, leaseOwner, result);
      if (written === undefined) return undefined;
      if (written.changed) emit([changed(written.row)]);
      return toOperationRecord(written.row);
    },
    async recordPolls(leaseOwner, outcomes) {
      if (outcomes.length === 0) return [];
      const written = recordPolls(leaseOwner, outcomes);
      emit(
        written
          .flatMap((entry) => (entry?.changed === true ? [entry.row] : []))
          .sort((left, right) => left.version - right.version)
          .map(changed),
      );
      return written.map((entry) => (entry === undefined ? undefined : toOperationRecord(entry.row)));
    },
    async nextDueAt() {
      const dueAt = pluck<number | null>(nextDueRow) ?? never;
      return dueAt === never ? undefined : dueAt;
    },
    async resumeAwaitingAuthorization(owner, tokenOrigin, now) {
      return many(resumeRows, now, owner, tokenOrigin).map(toOperationRecord);
    },
    async claimDueNotifications(now, limit, leaseOwner, leaseMs) {
      if (limit <= 0) return [];
      return many(claimNotificationRows, leaseOwner, now + leaseMs, now + leaseMs, now, limit).map(
        toOperationRecord,
      );
    },
    async recordNotification(id: string, leaseOwner: string, progress: NotificationProgress) {
      updateNotification.run(progress.state, progress.attempts, progress.dueAt ?? null, id, leaseOwner);
    },
    async listChangesSince(owner, version, options) {
      const rows =
        options?.id === undefined
          ? many(changesSince, owner, version)
          : many(changesOfOneSince, owner, version, options.id);
      return rows.map((row): OperationChange =>
        row.deleted_at === null
          ? changed(row)
          : { type: "deleted", owner: row.owner, id: row.id, version: row.version },
      );
    },
    async sweep(now, markerRetentionMs): Promise<SweepResult> {
      const { deleted, purged } = sweep(now, markerRetentionMs);
      emit(deleted);
      return { expired: deleted.length, purged };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      if (!open) return;
      open = false;
      database.close();
    },
  };
  const cachedRecords = options.cachedRecords ?? 1024;
  return withHealthWatch(cachedRecords > 0 ? withRecordCache(store, { capacity: cachedRecords }) : store);
}
