import { describe, expect, it } from "vitest";
import type { OperationStore } from "../operation-store.js";
import { newRecord, pollResult, runningOperation, type ContractContext } from "./store-fixtures.js";

/** The contract of `OperationRecords`: ownership, versions, lists, counts, removal. */
export function describeRecordsContract(context: ContractContext): void {
  const { changes } = context;
  describe("ownership and versions", () => {
    it("returns an operation to its owner only", async () => {
      const inserted = await context.store.insert(newRecord({ id: "op-1" }));
      expect(inserted).toMatchObject({ id: "op-1", owner: "alice", awaitingAuthorization: false });
      expect(await context.store.get("alice", "op-1")).toEqual(inserted);
      expect(await context.store.get("bob", "op-1")).toBeUndefined();
      expect(await context.store.get("alice", "op-2")).toBeUndefined();
    });

    it("keeps the optional fields and the snapshot as given", async () => {
      const operation = runningOperation({ statusDetail: "copying", raw: { nested: { a: [1, 2] } } });
      const inserted = await context.store.insert(
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
      const first = await context.store.insert(newRecord({ owner: "alice" }));
      const second = await context.store.insert(newRecord({ owner: "bob" }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      const polled = await context.store.recordPoll(first.id, "worker", pollResult());
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
        await context.store.insert(newRecord({ id, createdAt }));
      }
      await context.store.insert(newRecord({ id: "other", owner: "bob", createdAt: 5 }));
      const all = await context.store.list("alice", { limit: 10 });
      expect(all.map((record) => record.id)).toEqual(["d", "b", "c", "a"]);
      const page = await context.store.list("alice", { limit: 2, after: { createdAt: 3, id: "b" } });
      expect(page.map((record) => record.id)).toEqual(["c", "a"]);
    });

    it("filters on status, kind and creation time", async () => {
      await context.store.insert(newRecord({ id: "old", createdAt: 100 }));
      await context.store.insert(newRecord({ id: "team", createdAt: 200, kind: "teamsAsyncOperation" }));
      await context.store.insert(newRecord({ id: "new", createdAt: 300 }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      await context.store.recordPoll(
        "new",
        "worker",
        pollResult({ operation: runningOperation({ status: "succeeded" }) }),
      );
      const ids = async (filter: Parameters<OperationStore["list"]>[1]["filter"]) =>
        (await context.store.list("alice", { limit: 10, ...(filter === undefined ? {} : { filter }) })).map(
          (record) => record.id,
        );
      expect(await ids({ type: "comparison", field: "status", operator: "eq", value: "succeeded" })).toEqual([
        "new",
      ]);
      expect(await ids({ type: "comparison", field: "status", operator: "ne", value: "succeeded" })).toEqual([
        "team",
        "old",
      ]);
      expect(await ids({ type: "in", field: "kind", values: ["teamsAsyncOperation", "operation"] })).toEqual([
        "team",
      ]);
      expect(await ids({ type: "comparison", field: "createdDateTime", operator: "ge", value: 200 })).toEqual(
        ["new", "team"],
      );
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
      expect(await ids({ type: "comparison", field: "createdDateTime", operator: "le", value: 99 })).toEqual(
        [],
      );
    });

    it("counts the operations still followed", async () => {
      await context.store.insert(newRecord({ id: "running" }));
      await context.store.insert(newRecord({ id: "done" }));
      await context.store.insert(newRecord({ id: "gone" }));
      await context.store.insert(newRecord({ owner: "bob" }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      await context.store.recordPoll(
        "done",
        "worker",
        pollResult({
          operation: runningOperation({ status: "failed" }),
          terminal: { at: 2_000, expiresAt: 9_000 },
        }),
      );
      await context.store.remove("alice", "gone", 2_000);
      expect(await context.store.countActive("alice")).toBe(1);
      expect(await context.store.countByStatus()).toEqual({ notStarted: 2, failed: 1 });
      expect(await context.store.countActive("carol")).toBe(0);
    });
  });

  describe("remove", () => {
    it("forgets an operation for its owner only and announces the deletion", async () => {
      await context.store.insert(newRecord({ id: "op" }));
      expect(await context.store.remove("bob", "op", 2_000)).toBe(false);
      expect(await context.store.get("alice", "op")).toBeDefined();
      expect(await context.store.remove("alice", "op", 2_000)).toBe(true);
      expect(await context.store.remove("alice", "op", 2_000)).toBe(false);
      expect(await context.store.get("alice", "op")).toBeUndefined();
      expect(await context.store.list("alice", { limit: 10 })).toEqual([]);
      expect(changes.at(-1)).toMatchObject({ type: "deleted", owner: "alice", id: "op" });
      expect(await context.store.claimDue(10_000, 10, "worker", 60_000)).toEqual([]);
    });
  });
}
