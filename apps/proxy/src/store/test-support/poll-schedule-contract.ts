import { describe, expect, it } from "vitest";
import { newRecord, pollResult, runningOperation, type ContractContext } from "./store-fixtures.js";

/** The contract of `PollSchedule`: due rows, leases, poll outcomes, operations waiting for a token. */
export function describePollScheduleContract(context: ContractContext): void {
  const { changes } = context;
  describe("schedule", () => {
    it("claims due operations once, earliest first, up to the limit", async () => {
      await context.store.insert(newRecord({ id: "later", dueAt: 3_000 }));
      await context.store.insert(newRecord({ id: "first", dueAt: 1_000 }));
      await context.store.insert(newRecord({ id: "second", dueAt: 2_000 }));
      const claimed = await context.store.claimDue(2_500, 1, "one", 60_000);
      expect(claimed.map((record) => record.id)).toEqual(["first"]);
      const rest = await context.store.claimDue(2_500, 10, "two", 60_000);
      expect(rest.map((record) => record.id)).toEqual(["second"]);
      expect(await context.store.claimDue(2_500, 10, "three", 60_000)).toEqual([]);
    });

    it("claims ahead within a look-ahead, leasing each row until leaseMs after its own due time", async () => {
      await context.store.insert(newRecord({ id: "now", dueAt: 1_000 }));
      await context.store.insert(newRecord({ id: "soon", dueAt: 3_000 }));
      await context.store.insert(newRecord({ id: "later", dueAt: 9_000 }));
      const claimed = await context.store.claimDue(1_000, 10, "worker", 60_000, { until: 4_000 });
      expect(claimed.map((record) => [record.id, record.schedule.dueAt])).toEqual([
        ["now", 1_000],
        ["soon", 3_000],
      ]);
      expect((await context.store.get("alice", "soon"))?.schedule).toMatchObject({
        polling: true,
        dueAt: 63_000,
      });
      expect(await context.store.nextDueAt()).toBe(9_000);
      // A lease that ends within the look-ahead is not taken before it ends: its holder may still write.
      const ahead = await context.store.claimDue(60_000, 10, "other", 60_000, { until: 62_000 });
      expect(ahead.map((record) => [record.id, record.schedule.dueAt])).toEqual([["later", 9_000]]);
      // At 61,000 the first lease has run out, the second has not.
      const taken = await context.store.claimDue(61_000, 10, "other", 60_000);
      expect(taken.map((record) => [record.id, record.schedule.dueAt])).toEqual([["now", 61_000]]);
      expect(await context.store.recordPoll("now", "worker", pollResult())).toBeUndefined();
      expect(await context.store.recordPoll("soon", "worker", pollResult())).toBeDefined();
    });

    it("writes many outcomes at once: in the order given, versions in that order, lost leases skipped", async () => {
      for (const id of ["x", "y", "z", "w"]) await context.store.insert(newRecord({ id }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      const before = await context.store.get("alice", "w");
      expect(await context.store.remove("alice", "y", 1_500)).toBe(true);
      const seen = changes.length;
      const written = await context.store.recordPolls("worker", [
        { id: "z", result: pollResult({ dueAt: 7_000 }) },
        { id: "y", result: pollResult() },
        { id: "w", result: pollResult({ changed: false, dueAt: 8_000 }) },
        {
          id: "x",
          result: pollResult({ operation: runningOperation({ status: "succeeded" }), dueAt: undefined }),
        },
      ]);
      expect(written.map((record) => record?.id)).toEqual(["z", undefined, "w", "x"]);
      const [z, , w, x] = written;
      expect(z?.schedule).toMatchObject({ dueAt: 7_000 });
      expect(w?.version).toBe(before?.version);
      expect(w?.schedule).toMatchObject({ dueAt: 8_000 });
      expect(x?.operation.status).toBe("succeeded");
      expect(x?.version).toBeGreaterThan(z?.version ?? Infinity);
      expect(changes.slice(seen).map((change) => [change.id, change.version])).toEqual([
        ["z", z?.version],
        ["x", x?.version],
      ]);
      for (const id of ["x", "z", "w"])
        expect((await context.store.get("alice", id))?.schedule.polling).toBeUndefined();
      expect(await context.store.recordPolls("worker", [{ id: "x", result: pollResult() }])).toEqual([
        undefined,
      ]);
      expect(await context.store.recordPolls("worker", [])).toEqual([]);
    });

    it("hands a row to another worker when its lease runs out", async () => {
      await context.store.insert(newRecord({ id: "op", dueAt: 1_000 }));
      await context.store.claimDue(1_000, 10, "crashed", 5_000);
      expect(await context.store.nextDueAt()).toBe(6_000);
      expect(await context.store.claimDue(5_999, 10, "other", 5_000)).toEqual([]);
      expect((await context.store.claimDue(6_000, 10, "other", 5_000)).map((record) => record.id)).toEqual([
        "op",
      ]);
      expect(await context.store.recordPoll("op", "crashed", pollResult())).toBeUndefined();
      expect(await context.store.recordPoll("op", "other", pollResult())).toBeDefined();
    });

    it("writes a poll's outcome, moves the version only on a change and releases the lease", async () => {
      const inserted = await context.store.insert(newRecord({ id: "op" }));
      expect((await context.store.get("alice", "op"))?.schedule.polling).toBeUndefined();
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      expect((await context.store.get("alice", "op"))?.schedule).toMatchObject({
        polling: true,
        dueAt: 61_000,
      });
      const polled = await context.store.recordPoll("op", "worker", pollResult());
      expect(polled?.schedule.polling).toBeUndefined();
      expect((await context.store.get("alice", "op"))?.schedule.polling).toBeUndefined();
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
      expect(await context.store.nextDueAt()).toBe(5_000);

      const seen = changes.length;
      await context.store.claimDue(5_000, 10, "worker", 60_000);
      const same = await context.store.recordPoll(
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
      const inserted = await context.store.insert(
        newRecord({ id: "op", kind: "longRunningOperation", pacing: { kind: "teamsAsyncOperation" } }),
      );
      expect(inserted.schedule.pacing).toEqual({ kind: "teamsAsyncOperation" });
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      const polled = await context.store.recordPoll(
        "op",
        "worker",
        pollResult({ operation: runningOperation({ kind: "teamsAsyncOperation" }) }),
      );
      expect(polled?.kind).toBe("teamsAsyncOperation");
    });

    it("refuses a poll outcome for an operation deleted meanwhile", async () => {
      await context.store.insert(newRecord({ id: "op" }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      await context.store.remove("alice", "op", 1_500);
      expect(await context.store.recordPoll("op", "worker", pollResult())).toBeUndefined();
    });

    it("ends an operation: no more polls, expiry set, notification pending", async () => {
      await context.store.insert(newRecord({ id: "op", notificationUrl: "https://hooks.example.com/x" }));
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      const ended = await context.store.recordPoll(
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
      expect(await context.store.nextDueAt()).toBe(2_000);
      expect(ended).toMatchObject({ terminalAt: 2_000, expiresAt: 50_000 });
      expect(ended?.notification).toEqual({ state: "pending", attempts: 0, dueAt: 2_000 });
    });

    it("reports the earliest due poll or notification", async () => {
      expect(await context.store.nextDueAt()).toBeUndefined();
      await context.store.insert(
        newRecord({ id: "a", dueAt: 7_000, notificationUrl: "https://hooks.example.com/x" }),
      );
      await context.store.insert(
        newRecord({ id: "b", dueAt: 1_000, notificationUrl: "https://hooks.example.com/x" }),
      );
      expect(await context.store.nextDueAt()).toBe(1_000);
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      await context.store.recordPoll(
        "b",
        "worker",
        pollResult({
          operation: runningOperation({ status: "failed" }),
          dueAt: undefined,
          terminal: { at: 1_000, expiresAt: 90_000 },
          notificationDueAt: 3_000,
        }),
      );
      expect(await context.store.nextDueAt()).toBe(3_000);
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
        await context.store.insert(newRecord({ id, owner, tokenOrigin }));
      }
      await context.store.claimDue(1_000, 10, "worker", 60_000);
      for (const id of ["mine", "elsewhere", "bobs"]) {
        await context.store.recordPoll(
          id,
          "worker",
          pollResult({ awaitingAuthorization: true, dueAt: undefined, statusNote: "waiting for a token" }),
        );
      }
      expect((await context.store.get("alice", "mine"))?.statusNote).toBe("waiting for a token");
      expect(await context.store.nextDueAt()).toBeUndefined();
      const resumed = await context.store.resumeAwaitingAuthorization("alice", graph, 4_000);
      expect(resumed.map((record) => record.id)).toEqual(["mine"]);
      expect(await context.store.get("alice", "mine")).toMatchObject({
        awaitingAuthorization: false,
        schedule: { dueAt: 4_000 },
      });
      expect(await context.store.resumeAwaitingAuthorization("alice", graph, 4_000)).toEqual([]);
      expect((await context.store.claimDue(4_000, 10, "worker", 60_000)).map((record) => record.id)).toEqual([
        "mine",
      ]);
    });
  });
}
