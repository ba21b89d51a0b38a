import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OperationStore } from "./operation-store.js";
import { openSqliteDatabase } from "./sqlite/sqlite-database.js";
import { withHealthWatch } from "./store-health.js";

/** The error node:sqlite raises reading a database whose table pages were overwritten. */
function corruptionError(): unknown {
  const path = join(mkdtempSync(join(tmpdir(), "lro-proxy-health-")), "damaged.db");
  const database = openSqliteDatabase(path);
  database.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
  const insert = database.prepare("INSERT INTO t (body) VALUES (?)");
  database.exec("BEGIN");
  for (let index = 0; index < 500; index += 1) insert.run("x".repeat(200));
  database.exec("COMMIT");
  database.close();
  const bytes = readFileSync(path);
  bytes.fill(0x5a, 4096 * 2, bytes.length);
  writeFileSync(path, bytes);
  const damaged = openSqliteDatabase(path);
  try {
    damaged.prepare("SELECT count(*), sum(length(body)) FROM t").get();
  } catch (error) {
    return error;
  } finally {
    damaged.close();
  }
  throw new Error("the damaged database was read without an error");
}

function storeFailingWith(error: unknown): OperationStore {
  return {
    async get() {
      throw error;
    },
    nextDueAt: () => Promise.resolve(undefined),
  } as unknown as OperationStore;
}

describe("withHealthWatch", () => {
  it("reports a store whose file is damaged once a call met it, with SQLite's message", async () => {
    const error = corruptionError();
    expect((error as { errcode: number }).errcode & 0xff).toBe(11);
    const store = withHealthWatch(storeFailingWith(error));
    expect(store.health?.()).toBeUndefined();
    await expect(store.get("owner", "id")).rejects.toBe(error);
    expect(store.health?.()).toMatch(/malformed/);
  });

  it("stays healthy through errors that are not the file's (a query refused, a bad filter)", async () => {
    const database = openSqliteDatabase(":memory:");
    let error: unknown;
    try {
      database.exec("SELECT * FROM no_such_table");
    } catch (caught) {
      error = caught;
    }
    database.close();
    const store = withHealthWatch(storeFailingWith(error));
    await expect(store.get("owner", "id")).rejects.toBe(error);
    expect(store.health?.()).toBeUndefined();
  });
});
