import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeOperationStore, newRecord } from "../test-support/store-contract.js";
import { openSqliteDatabase, readPragma } from "./sqlite-database.js";
import { openSqliteStore } from "./sqlite-store.js";

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

  it("refuses a database written by a newer schema, saying what to do", () => {
    const dataDir = temporaryDirectory();
    const database = openSqliteDatabase(join(dataDir, "operations.db"));
    database.exec("PRAGMA user_version = 99");
    database.close();
    expect(() => openSqliteStore({ dataDir })).toThrow(/schema version 99.*upgrade lro-proxy/);
  });
});
