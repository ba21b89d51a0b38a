import type { Operation } from "@lro/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OperationChange } from "../operation-change.js";
import type { NewOperationRecord } from "../operation-record.js";
import type { OperationStore, PollResult } from "../operation-store.js";

/** A backing database for one test: `open` may be called again to get a new store on the same data. */
export interface StoreFixture {
  open(): Promise<OperationStore>;
  dispose(): Promise<void>;
}

export function runningOperation(overrides: Partial<Operation> = {}): Operation {
  return {
    kind: "richLongRunningOperation",
    status: "running",
    rawStatus: "running",
    percentComplete: 10,
    raw: { status: "running", percentageComplete: 10 },
    ...overrides,
  };
}

export function newRecord(overrides: Partial<NewOperationRecord> = {}): NewOperationRecord {
  return {
    id: crypto.randomUUID(),
    owner: "alice",
    kind: "richLongRunningOperation",
    monitorUrl: "https://graph.microsoft.com/v1.0/sites/root/operations/1",
    operation: runningOperation({ status: "notStarted", rawStatus: "notStarted" }),
    createdAt: 1_000,
    dueAt: 1_000,
    ...overrides,
  };
}

export function pollResult(overrides: Partial<PollResult> = {}): PollResult {
  return {
    now: 2_000,
    operation: runningOperation(),
    changed: true,
    awaitingAuthorization: false,
    dueAt: 5_000,
    attempt: 1,
    consecutiveFailures: 0,
    pacing: { history: [{ at: 2_000, percentComplete: 10 }] },
    ...overrides,
  };
}

/**
 * The behaviour every `OperationStore` shares. Run it from a backend's own test file:
 * `describeOperationStore("sqlite", async () => fixture)`.
 */
export function describeOperationStore(name: string, createFixture: () => Promise<StoreFixture>): void {
  describe(`OperationStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: OperationStore;
    const changes: OperationChange[] = [];

    beforeEach(async () => {
      fixture = await createFixture();
      store = await fixture.open();
      changes.length = 0;
      store.subscribe((change) => changes.push(change));
    });
    afterEach(async () => {
      await store.close();
      await fixture.dispose();
    });

    describe("ownership and versions", () => {
      it("returns an operation to its owner only", async () => {
        const inserted = await store.insert(newRecord({ id: "op-1" }));
        expect(inserted).toMatchObject({ id: "op-1", owner: "alice", awaitingAuthorization: false });
        expect(await store.get("alice", "op-1")).toEqual(inserted);
        expect(await store.get("bob", "op-1")).toBeUndefined();
        expect(await store.get("alice", "op-2")).toBeUndefined();
      });

      it("keeps the optional fields and the snapshot as given", async () => {
        const operation = runningOperation({ statusDetail: "copying", raw: { nested: { a: [1, 2] } } });
        const inserted = await store.insert(
          newRecord({
            operation,
            requestUrl: "https://graph.microsoft.com/v1.0/teams/1/clone",
            tokenOrigin: "https://graph.microsoft.com",
            notificationUrl: "https://hooks.example.com/done",
          }),
        );
        expect(inserted).toMatchObject({
          operation,
          requestUrl: "https://graph.microsoft.com/v1.0/teams/1/clone",
          tokenOrigin: "https://graph.microsoft.com",
          notificationUrl: "https://hooks.example.com/done",
          schedule: { dueAt: 1_000, attempt: 0, consecutiveFailures: 0, pacing: {} },
        });
        expect(inserted.notification).toBeUndefined();
      });

      it("gives every change a store-wide increasing version", async () => {
        const first = await store.insert(newRecord({ owner: "alice" }));
        const second = await store.insert(newRecord({ owner: "bob" }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        const polled = await store.recordPoll(first.id, "worker", pollResult());
        expect(second.version).toBeGreaterThan(first.version);
        expect(polled?.version).toBeGreaterThan(second.version);
        expect(changes.map((change) => change.version)).toEqual([
          first.version,
          second.version,
          polled?.version,
        ]);
      });
    });

    describe("list", () => {
      it("lists the owner's operations newest first and pages by keyset", async () => {
        for (const [id, createdAt] of [
          ["a", 1],
          ["b", 3],
          ["c", 2],
          ["d", 3],
        ] as const) {
          await store.insert(newRecord({ id, createdAt }));
        }
        await store.insert(newRecord({ id: "other", owner: "bob", createdAt: 5 }));
        const all = await store.list("alice", { limit: 10 });
        expect(all.map((record) => record.id)).toEqual(["d", "b", "c", "a"]);
        const page = await store.list("alice", { limit: 2, after: { createdAt: 3, id: "b" } });
        expect(page.map((record) => record.id)).toEqual(["c", "a"]);
      });

      it("filters on status, kind and creation time", async () => {
        await store.insert(newRecord({ id: "old", createdAt: 100 }));
        await store.insert(newRecord({ id: "team", createdAt: 200, kind: "teamsAsyncOperation" }));
        await store.insert(newRecord({ id: "new", createdAt: 300 }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        await store.recordPoll(
          "new",
          "worker",
          pollResult({ operation: runningOperation({ status: "succeeded" }) }),
        );
        const ids = async (filter: Parameters<OperationStore["list"]>[1]["filter"]) =>
          (await store.list("alice", { limit: 10, ...(filter === undefined ? {} : { filter }) })).map(
            (record) => record.id,
          );
        expect(
          await ids({ type: "comparison", field: "status", operator: "eq", value: "succeeded" }),
        ).toEqual(["new"]);
        expect(
          await ids({ type: "comparison", field: "status", operator: "ne", value: "succeeded" }),
        ).toEqual(["team", "old"]);
        expect(
          await ids({ type: "in", field: "kind", values: ["teamsAsyncOperation", "operation"] }),
        ).toEqual(["team"]);
        expect(
          await ids({ type: "comparison", field: "createdDateTime", operator: "ge", value: 200 }),
        ).toEqual(["new", "team"]);
        expect(
          await ids({
            type: "or",
            left: { type: "comparison", field: "createdDateTime", operator: "lt", value: 200 },
            right: {
              type: "and",
              left: { type: "comparison", field: "createdDateTime", operator: "gt", value: 200 },
              right: { type: "comparison", field: "status", operator: "eq", value: "succeeded" },
            },
          }),
        ).toEqual(["new", "old"]);
        expect(
          await ids({ type: "comparison", field: "createdDateTime", operator: "le", value: 99 }),
        ).toEqual([]);
      });

      it("counts the operations still followed", async () => {
        await store.insert(newRecord({ id: "running" }));
        await store.insert(newRecord({ id: "done" }));
        await store.insert(newRecord({ id: "gone" }));
        await store.insert(newRecord({ owner: "bob" }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        await store.recordPoll(
          "done",
          "worker",
          pollResult({
            operation: runningOperation({ status: "failed" }),
            terminal: { at: 2_000, expiresAt: 9_000 },
          }),
        );
        await store.remove("alice", "gone", 2_000);
        expect(await store.countActive("alice")).toBe(1);
        expect(await store.countByStatus()).toEqual({ notStarted: 2, failed: 1 });
        expect(await store.countActive("carol")).toBe(0);
      });
    });

    describe("remove", () => {
      it("forgets an operation for its owner only and announces the deletion", async () => {
        await store.insert(newRecord({ id: "op" }));
        expect(await store.remove("bob", "op", 2_000)).toBe(false);
        expect(await store.get("alice", "op")).toBeDefined();
        expect(await store.remove("alice", "op", 2_000)).toBe(true);
        expect(await store.remove("alice", "op", 2_000)).toBe(false);
        expect(await store.get("alice", "op")).toBeUndefined();
        expect(await store.list("alice", { limit: 10 })).toEqual([]);
        expect(changes.at(-1)).toMatchObject({ type: "deleted", owner: "alice", id: "op" });
        expect(await store.claimDue(10_000, 10, "worker", 60_000)).toEqual([]);
      });
    });

    describe("schedule", () => {
      it("claims due operations once, earliest first, up to the limit", async () => {
        await store.insert(newRecord({ id: "later", dueAt: 3_000 }));
        await store.insert(newRecord({ id: "first", dueAt: 1_000 }));
        await store.insert(newRecord({ id: "second", dueAt: 2_000 }));
        const claimed = await store.claimDue(2_500, 1, "one", 60_000);
        expect(claimed.map((record) => record.id)).toEqual(["first"]);
        const rest = await store.claimDue(2_500, 10, "two", 60_000);
        expect(rest.map((record) => record.id)).toEqual(["second"]);
        expect(await store.claimDue(2_500, 10, "three", 60_000)).toEqual([]);
      });

      it("hands a row to another worker when its lease runs out", async () => {
        await store.insert(newRecord({ id: "op", dueAt: 1_000 }));
        await store.claimDue(1_000, 10, "crashed", 5_000);
        expect(await store.nextDueAt()).toBe(6_000);
        expect(await store.claimDue(5_999, 10, "other", 5_000)).toEqual([]);
        expect((await store.claimDue(6_000, 10, "other", 5_000)).map((record) => record.id)).toEqual(["op"]);
        expect(await store.recordPoll("op", "crashed", pollResult())).toBeUndefined();
        expect(await store.recordPoll("op", "other", pollResult())).toBeDefined();
      });

      it("writes a poll's outcome, moves the version only on a change and releases the lease", async () => {
        const inserted = await store.insert(newRecord({ id: "op" }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        const polled = await store.recordPoll("op", "worker", pollResult());
        expect(polled).toMatchObject({
          kind: "richLongRunningOperation",
          operation: runningOperation(),
          updatedAt: 2_000,
          schedule: {
            dueAt: 5_000,
            attempt: 1,
            consecutiveFailures: 0,
            pacing: { history: [{ at: 2_000 }] },
          },
        });
        expect(polled?.version).toBeGreaterThan(inserted.version);
        expect(await store.nextDueAt()).toBe(5_000);

        const seen = changes.length;
        await store.claimDue(5_000, 10, "worker", 60_000);
        const same = await store.recordPoll(
          "op",
          "worker",
          pollResult({ changed: false, now: 5_000, dueAt: 9_000, attempt: 2, consecutiveFailures: 1 }),
        );
        expect(same?.version).toBe(polled?.version);
        expect(same?.updatedAt).toBe(polled?.updatedAt);
        expect(same?.schedule).toMatchObject({ dueAt: 9_000, attempt: 2, consecutiveFailures: 1 });
        expect(changes.length).toBe(seen);
      });

      it("takes the flavour the monitor spoke and keeps the initial pacing history", async () => {
        const inserted = await store.insert(
          newRecord({ id: "op", kind: "longRunningOperation", pacing: { kind: "teamsAsyncOperation" } }),
        );
        expect(inserted.schedule.pacing).toEqual({ kind: "teamsAsyncOperation" });
        await store.claimDue(1_000, 10, "worker", 60_000);
        const polled = await store.recordPoll(
          "op",
          "worker",
          pollResult({ operation: runningOperation({ kind: "teamsAsyncOperation" }) }),
        );
        expect(polled?.kind).toBe("teamsAsyncOperation");
      });

      it("refuses a poll outcome for an operation deleted meanwhile", async () => {
        await store.insert(newRecord({ id: "op" }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        await store.remove("alice", "op", 1_500);
        expect(await store.recordPoll("op", "worker", pollResult())).toBeUndefined();
      });

      it("ends an operation: no more polls, expiry set, notification pending", async () => {
        await store.insert(newRecord({ id: "op", notificationUrl: "https://hooks.example.com/x" }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        const ended = await store.recordPoll(
          "op",
          "worker",
          pollResult({
            operation: runningOperation({ status: "succeeded" }),
            dueAt: undefined,
            terminal: { at: 2_000, expiresAt: 50_000 },
            notificationDueAt: 2_000,
          }),
        );
        expect(ended?.schedule.dueAt).toBeUndefined();
        expect(await store.nextDueAt()).toBe(2_000);
        expect(ended).toMatchObject({ terminalAt: 2_000, expiresAt: 50_000 });
        expect(ended?.notification).toEqual({ state: "pending", attempts: 0, dueAt: 2_000 });
      });

      it("reports the earliest due poll or notification", async () => {
        expect(await store.nextDueAt()).toBeUndefined();
        await store.insert(
          newRecord({ id: "a", dueAt: 7_000, notificationUrl: "https://hooks.example.com/x" }),
        );
        await store.insert(
          newRecord({ id: "b", dueAt: 1_000, notificationUrl: "https://hooks.example.com/x" }),
        );
        expect(await store.nextDueAt()).toBe(1_000);
        await store.claimDue(1_000, 10, "worker", 60_000);
        await store.recordPoll(
          "b",
          "worker",
          pollResult({
            operation: runningOperation({ status: "failed" }),
            dueAt: undefined,
            terminal: { at: 1_000, expiresAt: 90_000 },
            notificationDueAt: 3_000,
          }),
        );
        expect(await store.nextDueAt()).toBe(3_000);
      });
    });

    describe("authorization", () => {
      it("resumes the owner's operations waiting for a token from that origin", async () => {
        const graph = "https://graph.microsoft.com";
        for (const [id, owner, tokenOrigin] of [
          ["mine", "alice", graph],
          ["elsewhere", "alice", "https://other.example.com"],
          ["bobs", "bob", graph],
        ] as const) {
          await store.insert(newRecord({ id, owner, tokenOrigin }));
        }
        await store.claimDue(1_000, 10, "worker", 60_000);
        for (const id of ["mine", "elsewhere", "bobs"]) {
          await store.recordPoll(
            id,
            "worker",
            pollResult({ awaitingAuthorization: true, dueAt: undefined, statusNote: "waiting for a token" }),
          );
        }
        expect((await store.get("alice", "mine"))?.statusNote).toBe("waiting for a token");
        expect(await store.nextDueAt()).toBeUndefined();
        const resumed = await store.resumeAwaitingAuthorization("alice", graph, 4_000);
        expect(resumed.map((record) => record.id)).toEqual(["mine"]);
        expect(await store.resumeAwaitingAuthorization("alice", graph, 4_000)).toEqual([]);
        expect((await store.claimDue(4_000, 10, "worker", 60_000)).map((record) => record.id)).toEqual([
          "mine",
        ]);
      });
    });

    describe("notifications", () => {
      it("claims due notifications and records each attempt", async () => {
        await store.insert(newRecord({ id: "op", notificationUrl: "https://hooks.example.com/x" }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        await store.recordPoll(
          "op",
          "worker",
          pollResult({
            operation: runningOperation({ status: "succeeded" }),
            dueAt: undefined,
            terminal: { at: 2_000, expiresAt: 90_000 },
            notificationDueAt: 2_000,
          }),
        );
        expect(await store.claimDueNotifications(1_999, 10, "worker", 60_000)).toEqual([]);
        const [claimed] = await store.claimDueNotifications(2_000, 10, "worker", 60_000);
        expect(claimed?.id).toBe("op");
        expect(await store.claimDueNotifications(2_000, 10, "other", 60_000)).toEqual([]);
        await store.recordNotification("op", "worker", { state: "pending", attempts: 1, dueAt: 4_000 });
        expect((await store.get("alice", "op"))?.notification).toEqual({
          state: "pending",
          attempts: 1,
          dueAt: 4_000,
        });
        await store.claimDueNotifications(4_000, 10, "worker", 60_000);
        await store.recordNotification("op", "worker", { state: "delivered", attempts: 2 });
        expect((await store.get("alice", "op"))?.notification).toEqual({ state: "delivered", attempts: 2 });
        expect(await store.nextDueAt()).toBeUndefined();
      });
    });

    describe("changes", () => {
      it("lists the latest state of each changed operation after a version, owner-scoped", async () => {
        const a = await store.insert(newRecord({ id: "a" }));
        await store.insert(newRecord({ id: "b" }));
        await store.insert(newRecord({ id: "c", owner: "bob" }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        await store.recordPoll("a", "worker", pollResult());
        await store.remove("alice", "b", 2_000);
        const since = await store.listChangesSince("alice", a.version);
        expect(since.map((change) => [change.type, change.id])).toEqual([
          ["operation", "a"],
          ["deleted", "b"],
        ]);
        expect(since[0]?.type === "operation" && since[0].record.operation.status).toBe("running");
        expect((await store.listChangesSince("alice", 0, { id: "b" })).map((change) => change.type)).toEqual([
          "deleted",
        ]);
        expect(await store.listChangesSince("bob", 0, { id: "a" })).toEqual([]);
        const versions = (await store.listChangesSince("alice", 0)).map((change) => change.version);
        expect(versions).toEqual([...versions].sort((x, y) => x - y));
      });

      it("stops calling a listener once unsubscribed", async () => {
        const seen: string[] = [];
        const unsubscribe = store.subscribe((change) => seen.push(change.id));
        await store.insert(newRecord({ id: "one" }));
        unsubscribe();
        await store.insert(newRecord({ id: "two" }));
        expect(seen).toEqual(["one"]);
      });
    });

    describe("retention", () => {
      it("deletes finished operations past their expiry, then purges the markers", async () => {
        await store.insert(newRecord({ id: "done" }));
        await store.insert(newRecord({ id: "running" }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        await store.recordPoll(
          "done",
          "worker",
          pollResult({
            operation: runningOperation({ status: "succeeded" }),
            dueAt: undefined,
            terminal: { at: 2_000, expiresAt: 10_000 },
          }),
        );
        expect(await store.sweep(9_999, 1_000)).toEqual({ expired: 0, purged: 0 });
        expect(await store.sweep(10_000, 1_000)).toEqual({ expired: 1, purged: 0 });
        expect(changes.at(-1)).toMatchObject({ type: "deleted", id: "done" });
        expect(await store.get("alice", "done")).toBeUndefined();
        expect(await store.get("alice", "running")).toBeDefined();
        expect((await store.listChangesSince("alice", 0, { id: "done" }))[0]?.type).toBe("deleted");
        expect(await store.sweep(11_000, 1_000)).toEqual({ expired: 0, purged: 1 });
        expect(await store.listChangesSince("alice", 0, { id: "done" })).toEqual([]);
      });
    });

    describe("durability", () => {
      it("keeps operations and their schedule in a store opened again on the same data", async () => {
        await store.insert(newRecord({ id: "op", tokenOrigin: "https://graph.microsoft.com" }));
        await store.claimDue(1_000, 10, "worker", 60_000);
        const polled = await store.recordPoll("op", "worker", pollResult({ dueAt: 8_000 }));
        await store.close();
        store = await fixture.open();
        expect(await store.get("alice", "op")).toEqual(polled);
        expect(await store.nextDueAt()).toBe(8_000);
        const next = await store.insert(newRecord({ id: "next" }));
        expect(next.version).toBeGreaterThan(polled?.version ?? Number.POSITIVE_INFINITY);
      });
    });
  });
}
