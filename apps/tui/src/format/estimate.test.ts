import { describe, expect, it } from "vitest";
import type { OperationEntry } from "../state/operations-state.js";
import { makeOperation } from "../test-support/operations.js";
import { estimateRemaining } from "./estimate.js";

const entry = (
  progress: OperationEntry["progress"],
  status: "running" | "succeeded" = "running",
): OperationEntry => ({
  key: "a",
  operation: makeOperation({ id: "a", status, percentComplete: progress?.latest.percent }),
  firstSeenAt: 0,
  updatedAt: 0,
  timeline: [],
  progress,
});

describe("estimateRemaining", () => {
  it("extrapolates the observed rate of progress", () => {
    // 20% -> 40% in 10 s: 60% left takes 30 s, 5 s of which have passed since.
    const estimate = estimateRemaining(
      entry({ first: { percent: 20, at: 0 }, latest: { percent: 40, at: 10_000 } }),
      15_000,
    );
    expect(estimate).toBe(25_000);
  });

  it("gives none without movement, without progress or once finished", () => {
    expect(
      estimateRemaining(entry({ first: { percent: 20, at: 0 }, latest: { percent: 20, at: 0 } }), 1000),
    ).toBeUndefined();
    expect(estimateRemaining(entry(undefined), 1000)).toBeUndefined();
    const done = entry({ first: { percent: 20, at: 0 }, latest: { percent: 100, at: 1000 } }, "succeeded");
    expect(estimateRemaining(done, 1000)).toBeUndefined();
  });

  it("never goes below zero when the operation is a little late", () => {
    expect(
      estimateRemaining(entry({ first: { percent: 0, at: 0 }, latest: { percent: 50, at: 4000 } }), 10_000),
    ).toBe(0);
  });

  it("drops an estimate overdue by more than the grace: progress has stalled", () => {
    // 0% -> 50% in 4 s promised the end at 8 s; at 60 s nothing has moved since.
    expect(
      estimateRemaining(entry({ first: { percent: 0, at: 0 }, latest: { percent: 50, at: 4000 } }), 60_000),
    ).toBeUndefined();
  });

  it("makes none from percentages seen within a burst (the list and a replay at start or reconnection)", () => {
    // 7% then 10% arrived 30 ms apart: the operation did not gain 3% in 30 ms.
    const burst = entry({ first: { percent: 7, at: 1000 }, latest: { percent: 10, at: 1030 } });
    expect(estimateRemaining(burst, 1100)).toBeUndefined();
  });
});
