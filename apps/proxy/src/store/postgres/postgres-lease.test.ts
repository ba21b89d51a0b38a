import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OperationStore } from "../operation-store.js";
import { newRecord, pollResult } from "../test-support/store-fixtures.js";
import { openPostgresStore } from "./postgres-store.js";
import {
  dropSchema,
  postgresAvailable,
  testDatabaseUrl,
  uniqueSchemaName,
} from "./test-support/test-database.js";

const available = await postgresAvailable();

describe.runIf(available)("PostgreSQL leases and Retry-After", () => {
  const url = testDatabaseUrl as string;
  let schema: string;
  let store: OperationStore;

  beforeEach(async () => {
    schema = uniqueSchemaName();
    store = await openPostgresStore({ connectionString: url, schema });
  });

  afterEach(async () => {
    await store.close();
    await dropSchema(url, schema);
  });

  it("leases a row for the lease and the Retry-After its monitor last asked: a dead holder's poll may have reached it", async () => {
    await store.insert(newRecord({ id: "asks-a-minute", dueAt: 1_000, pacing: { retryAfterMs: 60_000 } }));
    await store.insert(newRecord({ id: "asks-nothing", dueAt: 1_000 }));
    const claimed = await store.claimDue(1_000, 10, "crashed", 5_000);
    expect(claimed.map((record) => record.id).sort()).toEqual(["asks-a-minute", "asks-nothing"]);

    // The holder died mid-poll. Past the lease, only the row whose monitor asked for nothing is taken over.
    expect((await store.claimDue(6_000, 10, "other", 5_000)).map((record) => record.id)).toEqual([
      "asks-nothing",
    ]);
    expect(await store.claimDue(10_999, 10, "other", 5_000)).toEqual([]);
    const ids = async (now: number) =>
      (await store.claimDue(now, 10, "third", 5_000)).map((record) => record.id);
    // "asks-nothing" is claimed again whenever the lease of its last claim runs out; the other waits the lease and a minute.
    expect(await ids(11_000)).toEqual(["asks-nothing"]);
    // The holder may have polled as late as the end of its lease (6,000): a minute after that.
    expect(await ids(65_999)).toEqual(["asks-nothing"]);
    expect(await ids(66_000)).toEqual(["asks-a-minute"]);
    expect(await store.recordPoll("asks-a-minute", "crashed", pollResult())).toBeUndefined();
    expect(await store.recordPoll("asks-a-minute", "third", pollResult())).toBeDefined();
  });
});
