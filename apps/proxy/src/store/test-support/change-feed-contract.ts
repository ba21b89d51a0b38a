import { describe, expect, it } from "vitest";
import { newRecord, pollResult, type ContractContext } from "./store-fixtures.js";

/** The contract of `ChangeFeed`: changes read back after a version, and pushed to listeners. */
export function describeChangeFeedContract(context: ContractContext): void {
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
}
