import { describe, expect, it } from "vitest";
import { newRecord, pollResult, runningOperation, type ContractContext } from "./store-fixtures.js";

/** The contract of `NotificationSchedule`: due deliveries, leased, and each attempt recorded. */
export function describeNotificationScheduleContract(context: ContractContext): void {
  describe("notifications", () => {
    it("claims due notifications and records each attempt", async () => {
      await context.store.insert(newRecord({ id: "op", notificationUrl: "https://hooks.example.com/x" }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      await context.store.recordPoll(
        "op",
        "worker",
        pollResult({
          operation: runningOperation({ status: "succeeded" }),
          dueAt: undefined,
          terminal: { at: 2_000, expiresAt: 90_000 },
          notificationDueAt: 2_000,
        }),
      );
      expect(await context.store.claimDueNotifications(1_999, 10, "worker", 60_000)).toEqual([]);
      const [claimed] = await context.store.claimDueNotifications(2_000, 10, "worker", 60_000);
      expect(claimed?.id).toBe("op");
      expect(await context.store.claimDueNotifications(2_000, 10, "other", 60_000)).toEqual([]);
      await context.store.recordNotification("op", "worker", { state: "pending", attempts: 1, dueAt: 4_000 });
      expect((await context.store.get("alice", "op"))?.notification).toEqual({
        state: "pending",
        attempts: 1,
        dueAt: 4_000,
      });
      await context.store.claimDueNotifications(4_000, 10, "worker", 60_000);
      await context.store.recordNotification("op", "worker", { state: "delivered", attempts: 2 });
      expect((await context.store.get("alice", "op"))?.notification).toEqual({
        state: "delivered",
        attempts: 2,
      });
      expect(await context.store.nextDueAt()).toBeUndefined();
    });
  });
}
