import { describe, expect, it } from "vitest";
import { newRecord, pollResult, runningOperation, type ContractContext } from "./store-fixtures.js";

/** The contract on changes, retention and durability. */
export function describeChangeContract(context: ContractContext): void {
  const { changes } = context;
  describe("changes", () => {
    it("lists the latest state of each changed operation after a version, owner-scoped", async () => {
      const a = await context.store.insert(newRecord({ id: "a" }));
      await context.store.insert(newRecord({ id: "b" }));
      await context.store.insert(newRecord({ id: "c", owner: "bob" }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      await context.store.recordPoll("a", "worker", pollResult());
      await context.store.remove("alice", "b", 2_000);
      const since = await context.store.listChangesSince("alice", a.version);
      expect(since.map((change) => [change.type, change.id])).toEqual([
        ["operation", "a"],
        ["deleted", "b"],
      ]);
      expect(since[0]?.type === "operation" && since[0].record.operation.status).toBe("running");
      expect(
        (await context.store.listChangesSince("alice", 0, { id: "b" })).map((change) => change.type),
      ).toEqual(["deleted"]);
      expect(await context.store.listChangesSince("bob", 0, { id: "a" })).toEqual([]);
      const versions = (await context.store.listChangesSince("alice", 0)).map((change) => change.version);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
    });

    it("stops calling a listener once unsubscribed", async () => {
      const seen: string[] = [];
      const unsubscribe = context.store.subscribe((change) => seen.push(change.id));
      await context.store.insert(newRecord({ id: "one" }));
      unsubscribe();
      await context.store.insert(newRecord({ id: "two" }));
      expect(seen).toEqual(["one"]);
    });
  });

  describe("retention", () => {
    it("deletes finished operations past their expiry, then purges the markers", async () => {
      await context.store.insert(newRecord({ id: "done" }));
      await context.store.insert(newRecord({ id: "running" }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      await context.store.recordPoll(
        "done",
        "worker",
        pollResult({
          operation: runningOperation({ status: "succeeded" }),
          dueAt: undefined,
          terminal: { at: 2_000, expiresAt: 10_000 },
        }),
      );
      expect(await context.store.sweep(9_999, 1_000)).toEqual({ expired: 0, purged: 0 });
      expect(await context.store.sweep(10_000, 1_000)).toEqual({ expired: 1, purged: 0 });
      expect(changes.at(-1)).toMatchObject({ type: "deleted", id: "done" });
      expect(await context.store.get("alice", "done")).toBeUndefined();
      expect(await context.store.get("alice", "running")).toBeDefined();
      expect((await context.store.listChangesSince("alice", 0, { id: "done" }))[0]?.type).toBe("deleted");
      expect(await context.store.sweep(11_000, 1_000)).toEqual({ expired: 0, purged: 1 });
      expect(await context.store.listChangesSince("alice", 0, { id: "done" })).toEqual([]);
    });
  });

  describe("durability", () => {
    it("keeps operations and their schedule in a store opened again on the same data", async () => {
      await context.store.insert(newRecord({ id: "op", tokenOrigin: "https://graph.microsoft.com" }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      const polled = await context.store.recordPoll("op", "worker", pollResult({ dueAt: 8_000 }));
      await context.store.close();
      context.store = await context.fixture.open();
      expect(await context.store.get("alice", "op")).toEqual(polled);
      expect(await context.store.nextDueAt()).toBe(8_000);
      const next = await context.store.insert(newRecord({ id: "next" }));
      expect(next.version).toBeGreaterThan(polled?.version ?? Number.POSITIVE_INFINITY);
    });
  });
}
