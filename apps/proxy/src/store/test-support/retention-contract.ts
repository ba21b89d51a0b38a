import { describe, expect, it } from "vitest";
import { newRecord, pollResult, runningOperation, type ContractContext } from "./store-fixtures.js";

/** The contract of `Retention`: finished operations expire, then their deletion markers are purged. */
export function describeRetentionContract(context: ContractContext): void {
  const { changes } = context;
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
}
