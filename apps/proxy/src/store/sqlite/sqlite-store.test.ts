import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeOperationStore, newRecord } from "../test-support/store-contract.js";
import { openSqliteDatabase, readPragma } from "./sqlite-database.js";
import { openSqliteStore } from "./sqlite-store.js";
import { schemaVersion1 } from "./test-support/schema-version-1.js";

function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), "lro-proxy-store-"));
}

describeOperationStore("sqlite", async () => {
  const dataDir = temporaryDirectory();
  return {
    open: async () => openSqliteStore({ dataDir }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe("openSqliteStore", () => {
  it("writes the database in WAL mode in the data directory", async () => {
    const dataDir = join(temporaryDirectory(), "nested", "data");
    const store = openSqliteStore({ dataDir });
    await store.insert(newRecord());
    await store.close();
    const database = openSqliteDatabase(join(dataDir, "operations.db"), { readOnly: true });
    expect(readPragma(database, "journal_mode")).toBe("wal");
    database.close();
  });

  it("releases the leases of a previous process, so its operations are due at once", async () => {
    const dataDir = temporaryDirectory();
    const first = openSqliteStore({ dataDir });
    await first.insert(newRecord({ id: "op", dueAt: Date.now() }));
    const leaseMs = 3_600_000;
    expect(await first.claimDue(Date.now(), 10, "killed", leaseMs)).toHaveLength(1);
    await first.close();
    const second = openSqliteStore({ dataDir });
    expect(await second.nextDueAt()).toBeLessThanOrEqual(Date.now());
    const claimed = await second.claimDue(Date.now(), 10, "restarted", 60_000);
    expect(claimed.map((record) => record.id)).toEqual(["op"]);
    await second.close();
  });

  it("after a restart, waits the Retry-After its monitor last asked for, from when the killed poll was planned", async () => {
    const dataDir = temporaryDirectory();
    const first = openSqliteStore({ dataDir });
    const now = Date.now();
    await first.insert(newRecord({ id: "asks-a-minute", dueAt: now, pacing: { retryAfterMs: 60_000 } }));
    await first.insert(newRecord({ id: "asks-nothing", dueAt: now }));
    await first.insert(
      newRecord({ id: "waited-enough", dueAt: now - 120_000, pacing: { retryAfterMs: 60_000 } }),
    );
    await first.insert(newRecord({ id: "asks-oddly", dueAt: now, pacing: { retryAfterMs: "60000" } }));
    // Claimed two minutes ago with an hour's lease, for a poll planned then: its minute has passed.
    expect(await first.claimDue(now - 120_000, 10, "killed", 3_600_000)).toHaveLength(1);
    expect(await first.claimDue(now, 10, "killed", 30_000)).toHaveLength(3);
    await first.close();

    const second = openSqliteStore({ dataDir });
    const restartedAt = Date.now();
    const dueIds = async (at: number) =>
      (await second.claimDue(at, 10, "restarted", 3_600_000)).map((record) => record.id).sort();
    expect(await dueIds(restartedAt)).toEqual(["asks-nothing", "asks-oddly", "waited-enough"]);
    expect(await dueIds(now + 59_999)).toEqual([]);
    expect(await dueIds(now + 60_000)).toEqual(["asks-a-minute"]);
    await second.close();
  });

  it("upgrades a version 1 database in place, its leases released as that version did", async () => {
    const dataDir = temporaryDirectory();
    const old = openSqliteDatabase(join(dataDir, "operations.db"));
    for (const statement of schemaVersion1) old.exec(statement);
    old.exec("PRAGMA user_version = 1");
    old.exec(
      `INSERT INTO operations (id, owner, kind, status, monitor_url, operation, created_at, updated_at, version,
         due_at, pacing, lease_owner, lease_until)
       VALUES ('old', 'alice', 'richLongRunningOperation', 'running', 'https://graph.microsoft.com/v1.0/x',
         '{}', 1, 1, 1, ${Date.now() + 3_600_000}, '{"retryAfterMs":60000}', 'killed', ${Date.now() + 3_600_000})`,
    );
    old.close();

    const store = openSqliteStore({ dataDir });
    expect(await store.nextDueAt()).toBeLessThanOrEqual(Date.now());
    await store.close();
    const upgraded = openSqliteDatabase(join(dataDir, "operations.db"), { readOnly: true });
    expect(readPragma(upgraded, "user_version")).toBe(2);
    const columns = upgraded.prepare("SELECT name FROM pragma_table_info('operations')").all();
    expect(columns.map((column) => (column as { name: string }).name)).toContain("claimed_at");
    upgraded.close();
  });

  it("refuses a database written by a newer schema, saying what to do", () => {
    const dataDir = temporaryDirectory();
    const database = openSqliteDatabase(join(dataDir, "operations.db"));
    database.exec("PRAGMA user_version = 99");
    database.close();
    expect(() => openSqliteStore({ dataDir })).toThrow(/schema version 99.*upgrade lro-proxy/);
  });
});

describe("openSqliteStore: one process, a sound file", () => {
  it("refuses a second store on the same directory while the first is open, and opens once it closed", async () => {
    const dataDir = temporaryDirectory();
    const first = openSqliteStore({ dataDir });
    expect(() => openSqliteStore({ dataDir })).toThrow(
      /is in use by another lro-proxy process: stop it first/,
    );
    await first.close();
    const second = openSqliteStore({ dataDir });
    await second.close();
  });

  it("creates the directory 0700 and the database 0600, and tightens files left readable by others", async () => {
    const parent = temporaryDirectory();
    const dataDir = join(parent, "data");
    const store = openSqliteStore({ dataDir });
    await store.insert(newRecord());
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(dataDir)) expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600);
    await store.close();

    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, "operations.db"), 0o644);
    const again = openSqliteStore({ dataDir });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, "operations.db")).mode & 0o777).toBe(0o600);
    await again.close();
  });

  it("refuses a write-ahead log whose header was lost, instead of serving the store without its changes", async () => {
    const dataDir = temporaryDirectory();
    const store = openSqliteStore({ dataDir });
    for (let index = 0; index < 40; index += 1) await store.insert(newRecord({ id: `op-${index}` }));
    // The files as a kill -9 leaves them: the changes are in the log, not yet in the database file.
    const crashed = temporaryDirectory();
    const intact = temporaryDirectory();
    for (const target of [crashed, intact]) {
      copyFileSync(join(dataDir, "operations.db"), join(target, "operations.db"));
      copyFileSync(join(dataDir, "operations.db-wal"), join(target, "operations.db-wal"));
    }
    await store.close();
    const wal = join(crashed, "operations.db-wal");
    writeFileSync(wal, Buffer.concat([Buffer.alloc(32), readFileSync(wal).subarray(32)]));

    expect(() => openSqliteStore({ dataDir: crashed })).toThrow(
      /write-ahead log ".*operations\.db-wal" is damaged \(its header is not SQLite's\)/,
    );
    // The same files with the header intact hold every operation.
    const recovered = openSqliteStore({ dataDir: intact });
    const owner = newRecord().owner;
    expect(await recovered.list(owner, { limit: 100 })).toHaveLength(40);
    await recovered.close();
  });

  it("refuses a database with a damaged page at start", async () => {
    const dataDir = temporaryDirectory();
    const store = openSqliteStore({ dataDir });
    for (let index = 0; index < 200; index += 1) await store.insert(newRecord({ id: `op-${index}` }));
    await store.close();
    const path = join(dataDir, "operations.db");
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(4096 * 4);
    // Garbage over the third page and beyond (a table or index page), the header left intact.
    bytes.fill(0x5a, 4096 * 2 + 100, 4096 * 3 - 100);
    writeFileSync(path, bytes);
    expect(() => openSqliteStore({ dataDir })).toThrow(/damaged|malformed/);
  });
});
