import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { alice, bob, ended, reaches, startHarness, type Harness } from "./test-support/tracking-harness.js";

// Real servers and real polls: generous under a loaded machine; each test still ends within about a second.
vi.setConfig({ testTimeout: 20_000 });

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});

describe("tracker: adoption rules", () => {
  it("refuses a monitor or notification address the egress policy does not allow", async () => {
    await expect(
      harness.tracker.adopt({ owner: alice.owner, monitorUrl: "http://169.254.169.254/latest/meta-data" }),
    ).rejects.toMatchObject({ code: "egressDenied" });
    await expect(
      harness.tracker.adopt({
        owner: alice.owner,
        monitorUrl: `${harness.simulator.url}/v1.0/teams/t/operations/o`,
        notificationUrl: "https://hooks.example.com/done",
      }),
    ).rejects.toMatchObject({ code: "egressDenied" });
    await expect(harness.tracker.adopt({ owner: alice.owner, monitorUrl: "ftp://x/y" })).rejects.toThrow(
      /monitorUrl must be an absolute http\(s\) URL/,
    );
    expect(await harness.store.countActive(alice.owner)).toBe(0);
  });

  it("gives every operation a random, unguessable id", async () => {
    const { monitorUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", { durationMs: 5000 });
    const first = await harness.tracker.adopt({ owner: alice.owner, monitorUrl });
    const second = await harness.tracker.adopt({ owner: alice.owner, monitorUrl });
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.id).not.toBe(first.id);
  });
});

describe("tracker: limits", () => {
  it("refuses more followed operations per identity than allowed", async () => {
    await harness.close();
    harness = await startHarness({ tracker: { maxOperationsPerOwner: 2 } });
    const { monitorUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", { durationMs: 5000 });
    await harness.tracker.adopt({ owner: alice.owner, monitorUrl });
    await harness.tracker.adopt({ owner: alice.owner, monitorUrl });
    await expect(harness.tracker.adopt({ owner: alice.owner, monitorUrl })).rejects.toMatchObject({
      code: "tooManyOperations",
      limit: 2,
    });
    await expect(harness.tracker.adopt({ owner: bob.owner, monitorUrl })).resolves.toBeDefined();
    expect(await harness.tracker.countActive(alice.owner)).toBe(2);
  });

  it("holds the limit when one identity adopts many operations at once", async () => {
    await harness.close();
    harness = await startHarness({ tracker: { maxOperationsPerOwner: 2 } });
    const { monitorUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", { durationMs: 5000 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => harness.tracker.adopt({ owner: alice.owner, monitorUrl })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(2);
    expect(await harness.tracker.countActive(alice.owner)).toBe(2);
  });
});

describe("tracker: restart and retention", () => {
  it("resumes polling after the store and tracker are closed mid-operation and opened again", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 500,
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const running = await reaches(
      harness,
      alice.owner,
      record.id,
      (current) => current.operation.status === "running",
    );
    await harness.restart();
    const final = await ended(harness, alice.owner, record.id);
    expect(final.operation.status).toBe("succeeded");
    expect(final.schedule.attempt).toBeGreaterThan(running.schedule.attempt);
  });

  it("removes finished operations once their retention has passed, announcing the deletion", async () => {
    await harness.close();
    harness = await startHarness({ tracker: { retentionMs: 200, sweepIntervalMs: 20 } });
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 50,
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const final = await ended(harness, alice.owner, record.id);
    expect(final.expiresAt).toBe((final.terminalAt ?? 0) + 200);
    const deleted = await new Promise((resolve) =>
      harness.tracker.changes.subscribe(
        alice.owner,
        (change) => change.type === "deleted" && resolve(change),
        record.id,
      ),
    );
    expect(deleted).toMatchObject({ type: "deleted", id: record.id });
    expect(Date.now()).toBeGreaterThanOrEqual(final.expiresAt ?? 0);
    expect(await harness.store.get(alice.owner, record.id)).toBeUndefined();
  });
});

describe("tracker: stop", () => {
  it("hands back the operations it was polling, due at once, so another instance need not wait for the lease", async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 60_000,
      slow: { delayMs: 5000 },
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    while (harness.simulator.operations()[0]?.polls !== 1)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const stoppedAt = Date.now();
    await harness.tracker.stop();
    const released = await harness.store.get(alice.owner, record.id);
    expect(released?.schedule.dueAt).toBeGreaterThanOrEqual(stoppedAt);
    expect(released?.schedule.dueAt).toBeLessThanOrEqual(Date.now());
    expect(released?.schedule.attempt).toBe(0);
    expect(
      (await harness.store.claimDue(Date.now(), 10, "another instance", 60_000)).map((row) => row.id),
    ).toEqual([record.id]);
  });
});
