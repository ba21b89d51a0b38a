import { describe, expect, it } from "vitest";
import { newRecord, pollResult, type ContractContext } from "./store-fixtures.js";

/** What every store keeps across a close and an open on the same data. */
export function describeDurabilityContract(context: ContractContext): void {
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
