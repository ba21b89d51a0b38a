import { readPragma, transaction, type SqliteDatabase } from "./sqlite-database.js";

const schemaVersion = 2;

/**
 * One row per followed operation. The schedule (`due_at`, `attempt`, `consecutive_failures`, `pacing`)
 * lives in the row, so polling resumes on its schedule after a restart. A claimed row's `due_at` moves to
 * the end of its lease: if its holder dies, the row becomes due again when the lease runs out. `claimed_at`
 * is when a claimed row's poll was planned, so that a restart waits its monitor's last Retry-After from then.
 * Deleted operations stay as markers (`deleted_at`) so that event streams can replay the deletion.
 */
const statements = [
  `CREATE TABLE operations (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    monitor_url TEXT NOT NULL,
    request_url TEXT,
    token_origin TEXT,
    notification_url TEXT,
    operation TEXT NOT NULL,
    status_note TEXT,
    awaiting_authorization INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    terminal_at INTEGER,
    expires_at INTEGER,
    deleted_at INTEGER,
    due_at INTEGER,
    attempt INTEGER NOT NULL DEFAULT 0,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    pacing TEXT NOT NULL DEFAULT '{}',
    lease_owner TEXT,
    lease_until INTEGER,
    claimed_at INTEGER,
    notification_state TEXT,
    notification_attempts INTEGER NOT NULL DEFAULT 0,
    notification_due_at INTEGER
  )`,
  `CREATE INDEX operations_by_owner_newest ON operations (owner, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
  `CREATE INDEX operations_by_owner_version ON operations (owner, version)`,
  `CREATE INDEX operations_by_due ON operations (due_at) WHERE due_at IS NOT NULL`,
  `CREATE INDEX operations_by_notification_due ON operations (notification_due_at) WHERE notification_due_at IS NOT NULL`,
  `CREATE INDEX operations_by_expiry ON operations (expires_at) WHERE expires_at IS NOT NULL AND deleted_at IS NULL`,
  `CREATE INDEX operations_by_deletion ON operations (deleted_at) WHERE deleted_at IS NOT NULL`,
  `CREATE INDEX operations_awaiting_authorization ON operations (owner) WHERE awaiting_authorization = 1`,
  // Every adoption counts the owner's active operations against its limit: one index walk, not a table scan.
  `CREATE INDEX operations_active_by_owner ON operations (owner) WHERE deleted_at IS NULL AND terminal_at IS NULL`,
  `CREATE TABLE change_sequence (value INTEGER NOT NULL)`,
  `INSERT INTO change_sequence (value) VALUES (0)`,
];

/** Each older schema version's step to the next, in order: `upgrades[1]` takes version 1 to 2. */
const upgrades: Record<number, string[]> = {
  1: [`ALTER TABLE operations ADD COLUMN claimed_at INTEGER`],
};

/**
 * Creates the tables on a new database and upgrades one written by an earlier version, in one transaction;
 * refuses a database written by a newer version.
 */
export function migrateSqliteSchema(database: SqliteDatabase): void {
  const current = readPragma<number>(database, "user_version") ?? 0;
  if (current === schemaVersion) return;
  if (current > schemaVersion) {
    throw new Error(
      `the operations database has schema version ${current}, newer than this proxy's ${schemaVersion}: ` +
        "upgrade lro-proxy or point --data-dir at another directory",
    );
  }
  transaction(database, () => {
    if (current === 0) for (const statement of statements) database.exec(statement);
    else
      for (let version = current; version < schemaVersion; version += 1)
        for (const statement of upgrades[version] ?? []) database.exec(statement);
    database.exec(`PRAGMA user_version = ${schemaVersion}`);
  })();
}
