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

  it("never goes below zero when the operation is late", () => {
    expect(
      estimateRemaining(entry({ first: { percent: 0, at: 0 }, latest: { percent: 50, at: 1000 } }), 60_000),
    ).toBe(0);
  });
});
