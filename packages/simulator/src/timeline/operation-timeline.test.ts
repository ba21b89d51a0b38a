import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphDateTime } from "./graph-date-time.js";
import { snapshotAt, type OperationTimeline } from "./operation-timeline.js";
import { percentAt } from "./progress-curve.js";
import { createSeededRandom } from "./seeded-random.js";

const timeline: OperationTimeline = {
  createdAt: 1000,
  startsAt: 1100,
  terminalAt: 1500,
  outcome: "succeeded",
  progress: "linear",
};

describe("snapshotAt", () => {
  it("walks notStarted, running with growing progress, then the outcome at terminalAt", () => {
    expect(snapshotAt(timeline, 1000)).toEqual({ phase: "notStarted", percent: 0, lastActionAt: 1000 });
    expect(snapshotAt(timeline, 1200)).toEqual({ phase: "running", percent: 25, lastActionAt: 1200 });
    expect(snapshotAt(timeline, 1499)).toMatchObject({ phase: "running", percent: 99 });
    expect(snapshotAt(timeline, 1500)).toEqual({ phase: "succeeded", percent: 100, lastActionAt: 1500 });
    expect(snapshotAt(timeline, 9999)).toEqual({ phase: "succeeded", percent: 100, lastActionAt: 1500 });
  });

  it("fails below 100 percent and reports the future status only in its window", () => {
    const failing = {
      ...timeline,
      outcome: "failed" as const,
      futureStatus: { value: "reticulating", durationMs: 100 },
    };
    expect(snapshotAt(failing, 1399).phase).toBe("running");
    expect(snapshotAt(failing, 1400)).toMatchObject({ phase: "future", futureValue: "reticulating" });
    expect(snapshotAt(failing, 1500)).toMatchObject({ phase: "failed", percent: 99 });
  });

  it("never lets progress go backwards or pass 99 before the end, on every curve", () => {
    const curves = fc.constantFrom("linear", "steps", "ease") as fc.Arbitrary<"linear" | "steps" | "ease">;
    fc.assert(
      fc.property(
        curves,
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.nat(12_000)),
        (progress, duration, times) => {
          const subject = { ...timeline, progress, startsAt: 0, createdAt: 0, terminalAt: duration };
          const percents = [...times]
            .sort((left, right) => left - right)
            .map((time) => snapshotAt(subject, time));
          percents.reduce((previous, current) => {
            expect(current.percent ?? 0).toBeGreaterThanOrEqual(previous);
            if (current.phase === "running") expect(current.percent).toBeLessThanOrEqual(99);
            return current.percent ?? 0;
          }, 0);
        },
      ),
    );
  });
});

describe("percentAt", () => {
  it("follows the named curve", () => {
    expect([0, 0.3, 0.5, 0.8].map((fraction) => percentAt("steps", fraction))).toEqual([0, 25, 50, 75]);
    expect(percentAt("ease", 0.25)).toBe(6);
    expect(percentAt("ease", 0.5)).toBe(50);
    expect(percentAt("none", 0.5)).toBeUndefined();
  });
});

describe("graphDateTime", () => {
  it("writes seven fractional digits as Graph does", () => {
    expect(graphDateTime(Date.UTC(2023, 5, 9, 22, 50, 41, 541))).toBe("2023-06-09T22:50:41.5410000Z");
  });
});

describe("createSeededRandom", () => {
  it("draws the same numbers in [0, 1) from the same seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createSeededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
