import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackingOf } from "../wire/wire-tracking.js";
import { alice, ended, reaches, startHarness, type Harness } from "./test-support/tracking-harness.js";

// Real time, on real servers (the simulator, the tracker on SQLite): the storm lasts about 25 s.
let harness: Harness;
beforeAll(async () => {
  // The proxy's own pacing (not the tests' fast one): what a user runs.
  harness = await startHarness({ tracker: { pollOptions: {} } });
});
afterAll(async () => {
  await harness.close();
});

const clone = "/v1.0/teams/t1/clone";

describe("tracker: throttling is not failure (real time)", () => {
  it(
    "a storm of 25 answers 429 with Retry-After: 1 ends with the upstream's true status, shown throttled meanwhile",
    { timeout: 90_000 },
    async () => {
      const storm = {
        throttle: { status: 429 as const, retryAfterSeconds: 1, from: 1, count: 25 },
        durationMs: 2000,
      };
      const started = await Promise.all([
        harness.startUpstream(clone, { ...storm, outcome: "succeeded" }),
        harness.startUpstream(clone, { ...storm, outcome: "failed" }),
      ]);
      const records = await Promise.all(
        started.map(({ monitorUrl, requestUrl }) =>
          harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl }),
        ),
      );
      const throttled = await reaches(
        harness,
        alice.owner,
        records[0]!.id,
        (row) => trackingOf(row)?.state === "throttled",
      );
      expect(trackingOf(throttled)).toMatchObject({ lastError: { httpStatus: 429 } });
      const finals = await Promise.all(
        records.map((record) => ended(harness, alice.owner, record.id, 80_000)),
      );
      const upstream = harness.simulator.operations();
      finals.forEach((final) => {
        const truth = upstream.find((operation) => operation.monitorUrl === final.monitorUrl)!;
        expect(final.operation.status).toBe(truth.finalStatus);
        expect(final.operation.error?.code).not.toBe("monitorUnreachable");
        expect(truth.polls).toBe(26);
        expect(trackingOf(final)).toBeUndefined();
      });
      expect(finals.map((final) => final.operation.status)).toEqual(["succeeded", "failed"]);
    },
  );

  it("eight 429s with Retry-After: 2 are followed at 2 s each", { timeout: 60_000 }, async () => {
    const { monitorUrl, requestUrl } = await harness.startUpstream(clone, {
      throttle: { status: 429, retryAfterSeconds: 2, from: 1, count: 8 },
      durationMs: 1000,
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    const final = await ended(harness, alice.owner, record.id, 50_000);
    expect(final.operation.status).toBe("succeeded");
    const { pollTimes } = harness.simulator
      .operations()
      .find((operation) => operation.monitorUrl === monitorUrl)!;
    expect(pollTimes).toHaveLength(9);
    const gaps = pollTimes.slice(1).map((time, index) => time - pollTimes[index]!);
    // Backoff would stretch the gaps (up to doubling with each 429); a loaded machine only delays a timer.
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(1990);
      expect(gap).toBeLessThan(3000);
    }
  });
});
