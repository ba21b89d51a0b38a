import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OperationRecord } from "./operation-record.js";
import type { OperationStore } from "./operation-store.js";
import { withRecordCache } from "./record-cache.js";
import { openSqliteStore } from "./sqlite/sqlite-store.js";
import { newRecord, pollResult, runningOperation } from "./test-support/store-fixtures.js";

/** The SQLite store without its own cache, counting reads and able to hold a read's answer back. */
interface Backing {
  store: OperationStore;
  reads: number;
  /** The next `get` answers only when the returned function is called. */
  holdNextRead(): () => void;
}

let dataDir: string;
let sqlite: OperationStore;
let backing: Backing;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "lro-record-cache-"));
  sqlite = openSqliteStore({ dataDir, cachedRecords: 0 });
  let held: Promise<void> | undefined;
  backing = {
    reads: 0,
    store: {
      ...sqlite,
      async get(owner, id) {
        backing.reads += 1;
        const record = await sqlite.get(owner, id);
        const gate = held;
        held = undefined;
        if (gate !== undefined) await gate;
        return record;
      },
    },
    holdNextRead() {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return release;
    },
  };
});

afterEach(async () => {
  await sqlite.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function claimed(store: OperationStore, id: string, now = 1_500): Promise<OperationRecord> {
  const [record] = await store.claimDue(now, 10, "me", 30_000);
  expect(record?.id).toBe(id);
  return record as OperationRecord;
}

describe("withRecordCache", () => {
  it("answers repeated reads of a record from memory, with the same record object", async () => {
    const store = withRecordCache(backing.store);
    const { id } = await store.insert(newRecord());
    const first = await store.get("alice", id);
    const again = await store.get("alice", id);
    expect(again).toBe(first);
    expect(backing.reads).toBe(1);
  });

  it("serves the latest record after each kind of write", async () => {
    const store = withRecordCache(backing.store);
    const { id } = await store.insert(newRecord({ tokenOrigin: "https://graph.microsoft.com" }));
    const read = () => store.get("alice", id);

    expect((await read())?.schedule.dueAt).toBe(1_000);
    await claimed(store, id);
    expect((await read())?.schedule.dueAt).toBe(31_500);

    await store.recordPoll(id, "me", pollResult({ dueAt: 9_000, operation: runningOperation() }));
    const polled = await read();
    expect(polled).toMatchObject({ operation: { status: "running" }, schedule: { dueAt: 9_000 } });

    await claimed(store, id, 9_000);
    await store.recordPoll(id, "me", pollResult({ awaitingAuthorization: true, dueAt: undefined }));
    const waiting = await read();
    expect(waiting?.awaitingAuthorization).toBe(true);
    expect(waiting?.schedule.dueAt).toBeUndefined();
    await store.resumeAwaitingAuthorization("alice", "https://graph.microsoft.com", 10_000);
    expect(await read()).toMatchObject({ awaitingAuthorization: false, schedule: { dueAt: 10_000 } });

    await store.remove("alice", id, 11_000);
    expect(await read()).toBeUndefined();
  });

  it("never keeps a read that overlapped a write: the next read sees the write", async () => {
    const store = withRecordCache(backing.store);
    const { id } = await store.insert(newRecord());
    await claimed(store, id);

    const release = backing.holdNextRead();
    const overlapping = store.get("alice", id);
    await store.recordPoll(id, "me", pollResult({ operation: runningOperation({ percentComplete: 60 }) }));
    release();
    expect((await overlapping)?.operation.percentComplete).toBe(10);

    expect((await store.get("alice", id))?.operation.percentComplete).toBe(60);
    expect(backing.reads).toBe(2);
  });

  it("answers another owner's id as absent even when the record is in memory", async () => {
    const store = withRecordCache(backing.store);
    const { id } = await store.insert(newRecord());
    await store.get("alice", id);
    expect(await store.get("bob", id)).toBeUndefined();
  });

  it("keeps at most `capacity` records, dropping the least recently read", async () => {
    const store = withRecordCache(backing.store, { capacity: 2 });
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) ids.push((await store.insert(newRecord())).id);
    const [a, b, c] = ids as [string, string, string];
    await store.get("alice", a);
    await store.get("alice", b);
    await store.get("alice", a);
    await store.get("alice", c);
    expect(backing.reads).toBe(3);
    await store.get("alice", a);
    expect(backing.reads).toBe(3);
    await store.get("alice", b);
    expect(backing.reads).toBe(4);
  });

  it("drops everything on a sweep", async () => {
    const store = withRecordCache(backing.store);
    const { id } = await store.insert(newRecord());
    await claimed(store, id);
    await store.recordPoll(
      id,
      "me",
      pollResult({
        operation: runningOperation({ status: "succeeded", rawStatus: "succeeded" }),
        dueAt: undefined,
        terminal: { at: 2_000, expiresAt: 3_000 },
      }),
    );
    expect((await store.get("alice", id))?.operation.status).toBe("succeeded");
    await store.sweep(4_000, 60_000);
    expect(await store.get("alice", id)).toBeUndefined();
  });
});
