import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OperationChange } from "../store/operation-change.js";
import type { OperationStore } from "../store/operation-store.js";
import { openPostgresStore } from "../store/postgres/postgres-store.js";
import {
  dropSchema,
  postgresAvailable,
  testDatabaseUrl,
  uniqueSchemaName,
} from "../store/postgres/test-support/test-database.js";
import { newRecord, pollResult, runningOperation } from "../store/test-support/store-contract.js";

const available = await postgresAvailable();

/** Resolves with the first `count` changes `store` announces. */
function nextChanges(store: OperationStore, count: number): Promise<OperationChange[]> {
  return new Promise((resolve) => {
    const seen: OperationChange[] = [];
    const unsubscribe = store.subscribe((change) => {
      seen.push(change);
      if (seen.length === count) {
        unsubscribe();
        resolve(seen);
      }
    });
  });
}

describe.runIf(available)("several instances on one PostgreSQL schema", () => {
  const url = testDatabaseUrl as string;
  let schema: string;
  let stores: OperationStore[];
  const open = async (count: number, rescanIntervalMs?: number) => {
    const opened = await Promise.all(
      Array.from({ length: count }, () =>
        openPostgresStore({ connectionString: url, schema, poolSize: 4, rescanIntervalMs }),
      ),
    );
    stores.push(...opened);
    return opened;
  };

  beforeEach(() => {
    schema = uniqueSchemaName();
    stores = [];
  });
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await dropSchema(url, schema);
  });

  it("migrates once when instances start at the same time", async () => {
    const [first] = await open(4);
    await first?.insert(newRecord({ id: "op" }));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM "${schema}".schema_migrations`);
    await client.end();
    expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
    expect(await stores[3]?.get("alice", "op")).toBeDefined();
  });

  it("refuses a schema written by a newer proxy, saying what to do", async () => {
    await open(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO "${schema}".schema_migrations (version) VALUES (99)`);
    await client.end();
    await expect(openPostgresStore({ connectionString: url, schema })).rejects.toThrow(
      /version 99, newer than this proxy's 2: upgrade lro-proxy/,
    );
  });

  it("announces a batch of written polls with one notification, and every instance reads all of it", async () => {
    const [writer, reader] = await open(2);
    if (writer === undefined || reader === undefined) throw new Error("two stores expected");
    const ids = ["a", "b", "c", "d"];
    let inserted = 0;
    for (const id of ids) inserted = (await writer.insert(newRecord({ id }))).version;
    const seen: OperationChange[] = [];
    reader.subscribe((change) => {
      if (change.version > inserted) seen.push(change);
    });
    await writer.claimDue(1_000, 10, "writer", 60_000);
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const notifications: string[] = [];
    listener.on("notification", (message) => notifications.push(message.payload ?? ""));
    await listener.query("LISTEN lro_proxy_changes");
    await writer.recordPolls(
      "writer",
      ids.map((id) => ({ id, result: pollResult() })),
    );
    await vi.waitFor(() => expect(seen.map((change) => change.id)).toEqual(ids), { timeout: 4_000 });
    await listener.end();
    expect(notifications).toEqual([schema]);
  });

  it("hands each due operation to exactly one of the instances claiming at once", async () => {
    const instances = await open(3);
    const ids = Array.from({ length: 60 }, (_, index) => `op-${index}`);
    for (const id of ids) await instances[0]?.insert(newRecord({ id, dueAt: 1_000 }));
    const claims = await Promise.all(
      [0, 1, 2, 0, 1, 2].map((index) => instances[index]?.claimDue(2_000, 15, `instance-${index}`, 60_000)),
    );
    const claimed = claims.flatMap((records) => records?.map((record) => record.id) ?? []);
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(await instances[1]?.claimDue(2_000, 100, "late", 60_000)).toEqual([]);
  });

  it("shows every instance the changes of the others, in version order", async () => {
    const [writer, reader] = await open(2);
    if (writer === undefined || reader === undefined) throw new Error("two stores expected");
    const seen = nextChanges(reader, 4);
    const inserted = await writer.insert(newRecord({ id: "a" }));
    await writer.insert(newRecord({ id: "b", owner: "bob" }));
    await writer.claimDue(1_000, 10, "writer", 60_000);
    await writer.recordPoll(
      "a",
      "writer",
      pollResult({ operation: runningOperation({ percentComplete: 50 }) }),
    );
    await writer.remove("bob", "b", 3_000);
    const changes = await seen;
    expect(changes.map((change) => [change.type, change.id])).toEqual([
      ["operation", "a"],
      ["operation", "b"],
      ["operation", "a"],
      ["deleted", "b"],
    ]);
    const versions = changes.map((change) => change.version);
    expect(versions[0]).toBe(inserted.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    const polled = changes[2];
    expect(polled?.type === "operation" && polled.record.operation.percentComplete).toBe(50);
  });

  it("keeps the version order when instances write at the same time", async () => {
    const instances = await open(3);
    const [observer] = instances;
    if (observer === undefined) throw new Error("a store expected");
    const seen = nextChanges(observer, 90);
    await Promise.all(
      instances.map(async (store, index) => {
        for (let count = 0; count < 30; count += 1)
          await store.insert(newRecord({ id: `${index}-${count}` }));
      }),
    );
    const versions = (await seen).map((change) => change.version);
    expect(new Set(versions).size).toBe(90);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
  });

  it("hands back the rows a closing instance still holds, so another polls them at once", async () => {
    const [leaving, staying] = await open(2);
    if (leaving === undefined || staying === undefined) throw new Error("two stores expected");
    await leaving.insert(newRecord({ id: "op", dueAt: Date.now() }));
    expect(await leaving.claimDue(Date.now(), 10, "leaving", 3_600_000)).toHaveLength(1);
    expect(await staying.claimDue(Date.now(), 10, "staying", 60_000)).toEqual([]);
    await leaving.close();
    const claimed = await staying.claimDue(Date.now(), 10, "staying", 60_000);
    expect(claimed.map((record) => record.id)).toEqual(["op"]);
  });

  it("leaves an operation that needs a token to the live instance holding it", async () => {
    const [holder, other] = await open(2);
    if (holder === undefined || other === undefined) throw new Error("two stores expected");
    const graph = "https://graph.microsoft.com";
    await holder.insert(newRecord({ id: "needs-token", tokenOrigin: graph }));
    await holder.insert(newRecord({ id: "needs-none" }));
    expect((await other.claimDue(2_000, 10, "other", 60_000)).map((record) => record.id)).toEqual([
      "needs-none",
    ]);
    expect((await holder.claimDue(2_000, 10, "holder", 60_000)).map((record) => record.id)).toEqual([
      "needs-token",
    ]);
    await holder.recordPoll(
      "needs-token",
      "holder",
      pollResult({ awaitingAuthorization: true, dueAt: undefined }),
    );
    // The owner's next request reached the other instance: its token is there now.
    await other.resumeAwaitingAuthorization("alice", graph, 3_000);
    expect(await holder.claimDue(3_000, 10, "holder", 60_000)).toEqual([]);
    expect((await other.claimDue(3_000, 10, "other", 60_000)).map((record) => record.id)).toEqual([
      "needs-token",
    ]);
  });

  it("lets any instance poll an operation whose token holder is gone", async () => {
    const [holder, other] = await open(2);
    if (holder === undefined || other === undefined) throw new Error("two stores expected");
    await holder.insert(newRecord({ id: "op", tokenOrigin: "https://graph.microsoft.com" }));
    expect(await other.claimDue(2_000, 10, "other", 60_000)).toEqual([]);
    await holder.close();
    expect((await other.claimDue(2_000, 10, "other", 60_000)).map((record) => record.id)).toEqual(["op"]);
  });

  it("wakes the instances for due times rounded up to the wake granularity", async () => {
    const [store] = await open(1);
    await store?.insert(newRecord({ id: "a", dueAt: 1_234 }));
    await store?.insert(newRecord({ id: "b", dueAt: 1_299 }));
    expect(await store?.nextDueAt()).toBe(1_300);
  });

  it("tells the tracker to look at the shared schedule again", async () => {
    const [store] = await open(1, 10);
    const looked = new Promise<void>((resolve) => store?.watchSchedule?.(resolve));
    await expect(looked).resolves.toBeUndefined();
  });
});
