import type { PoolClient } from "pg";

/** The channel every store of every schema announces its changes on. */
export const changeChannel = "lro_proxy_changes";

/** The schema versions this proxy knows, in order; each runs once, in one transaction. */
const migrations: readonly { version: number; statements: readonly string[] }[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE operations (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        monitor_url TEXT NOT NULL,
        request_url TEXT,
        token_origin TEXT,
        notification_url TEXT,
        operation JSON NOT NULL,
        status_note TEXT,
        awaiting_authorization BOOLEAN NOT NULL DEFAULT FALSE,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        version BIGINT NOT NULL,
        terminal_at BIGINT,
        expires_at BIGINT,
        deleted_at BIGINT,
        due_at BIGINT,
        attempt INTEGER NOT NULL DEFAULT 0,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        pacing JSONB NOT NULL DEFAULT '{}',
        lease_owner TEXT,
        lease_until BIGINT,
        notification_state TEXT,
        notification_attempts INTEGER NOT NULL DEFAULT 0,
        notification_due_at BIGINT,
        home_instance TEXT
      )`,
      `CREATE INDEX operations_by_owner_newest ON operations (owner, created_at DESC, id DESC)
         WHERE deleted_at IS NULL`,
      `CREATE INDEX operations_by_owner_version ON operations (owner, version)`,
      `CREATE INDEX operations_by_version ON operations (version)`,
      `CREATE INDEX operations_by_due ON operations (due_at) WHERE due_at IS NOT NULL`,
      `CREATE INDEX operations_by_notification_due ON operations (notification_due_at)
         WHERE notification_due_at IS NOT NULL`,
      `CREATE INDEX operations_by_expiry ON operations (expires_at)
         WHERE expires_at IS NOT NULL AND deleted_at IS NULL`,
      `CREATE INDEX operations_by_deletion ON operations (deleted_at) WHERE deleted_at IS NOT NULL`,
      `CREATE INDEX operations_awaiting_authorization ON operations (owner) WHERE awaiting_authorization`,
      // The instances alive: an operation whose monitor needs a token is polled by the instance that holds it.
      `CREATE TABLE instances (id TEXT PRIMARY KEY, seen_at BIGINT NOT NULL)`,
      // One row: taking the next version locks it until commit, so versions commit in order.
      `CREATE TABLE change_sequence (value BIGINT NOT NULL)`,
      `INSERT INTO change_sequence (value) VALUES (0)`,
      // Every committed change announces its version; payloads stay small: "<schema>:<version>".
      `CREATE FUNCTION announce_operation_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('${changeChannel}', TG_TABLE_SCHEMA || ':' || NEW.version);
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER operation_inserted AFTER INSERT ON operations
         FOR EACH ROW EXECUTE FUNCTION announce_operation_change()`,
      `CREATE TRIGGER operation_changed AFTER UPDATE OF version ON operations
         FOR EACH ROW WHEN (NEW.version IS DISTINCT FROM OLD.version) EXECUTE FUNCTION announce_operation_change()`,
    ],
  },
  {
    // One notification per transaction instead of one per changed row: the payload is the schema alone,
    // which PostgreSQL sends once however many rows a statement (a batch of polls) changed; listeners read
    // every version above the last they delivered.
    version: 2,
    statements: [
      `CREATE OR REPLACE FUNCTION announce_operation_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('${changeChannel}', TG_TABLE_SCHEMA);
         RETURN NULL;
       END $$`,
    ],
  },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

/** A schema name the store may quote into SQL: letters, digits and underscores. */
export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(
      `the PostgreSQL schema name ${JSON.stringify(schema)} is not supported: use 1 to 63 lower-case letters, ` +
        "digits and underscores, starting with a letter or an underscore",
    );
  }
}

/**
 * Brings the schema to the latest version. Several instances may start at once: a transaction-scoped
 * advisory lock per schema lets one of them migrate while the others wait, then find nothing to do.
 * Refuses a schema written by a newer proxy.
 */
export async function migratePostgresSchema(client: PoolClient, schema: string): Promise<void> {
  assertSchemaName(schema);
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`lro-proxy migrations ${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${schema}".schema_migrations (
         version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT MAX(version) AS version FROM "${schema}".schema_migrations`,
    );
    const current = rows[0]?.version ?? 0;
    if (current > latestSchemaVersion) {
      throw new Error(
        `the PostgreSQL schema "${schema}" has version ${current}, newer than this proxy's ${latestSchemaVersion}: ` +
          "upgrade lro-proxy (every instance of a cluster runs the same version) or use another schema",
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query(`INSERT INTO "${schema}".schema_migrations (version) VALUES ($1)`, [
        migration.version,
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
