import { describe, expect, it } from "vitest";
import { estimateCompletion } from "./completion-estimate.js";
import type { PacingSample } from "./pacing-sample.js";

const t0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const iso = (epoch: number) => new Date(epoch).toISOString();

/** A sample of an operation created at `created` (server clock), answered at `at` (server clock). */
function sample(percentComplete: number, at: number, fields: Partial<PacingSample> = {}): PacingSample {
  return {
    receivedAt: at,
    status: "running",
    percentComplete,
    createdDateTime: iso(t0),
    lastActionDateTime: iso(at),
    ...fields,
  };
}

describe("estimateCompletion", () => {
  it("needs progress between 0 and 100 exclusive in the latest sample", () => {
    expect(estimateCompletion([])).toBeUndefined();
    expect(estimateCompletion([sample(0, t0 + 1000)])).toBeUndefined();
    expect(estimateCompletion([sample(100, t0 + 1000)])).toBeUndefined();
    expect(estimateCompletion([{ receivedAt: t0, status: "running" }])).toBeUndefined();
  });

  it("brackets the finish of linear progress from one sample and createdDateTime", () => {
    // 40 % after 2 s: the finish is about 5 s after creation.
    const estimate = estimateCompletion([sample(40, t0 + 2000)])!;
    expect(estimate.earliest).toBeLessThanOrEqual(t0 + 5000);
    expect(estimate.latest).toBeGreaterThanOrEqual(t0 + 5000);
    expect(estimate.latest - estimate.earliest).toBeLessThan(400);
    expect(estimate.since).toBe(t0);
  });

  it("narrows as progress advances", () => {
    const wide = estimateCompletion([sample(10, t0 + 500)])!;
    const narrow = estimateCompletion([sample(10, t0 + 500), sample(90, t0 + 4500)])!;
    expect(narrow.latest - narrow.earliest).toBeLessThan((wide.latest - wide.earliest) / 4);
    expect(narrow.earliest).toBeLessThanOrEqual(t0 + 5000);
    expect(narrow.latest).toBeGreaterThanOrEqual(t0 + 5000);
  });

  it("reads the operation's own clock: a skewed server clock and network delays do not move the estimate", () => {
    const skew = 3_600_000;
    const samples = [
      sample(20, t0 + 1000, { receivedAt: t0 + 1000 + skew + 30, lastActionDateTime: iso(t0 + 1000) }),
      sample(60, t0 + 3000, { receivedAt: t0 + 3000 + skew + 400, lastActionDateTime: iso(t0 + 3000) }),
    ];
    const estimate = estimateCompletion(samples)!;
    // On the client's clock the finish is at t0 + 5000 + skew (+ the smallest network delay seen, 30 ms).
    expect(estimate.earliest).toBeLessThanOrEqual(t0 + 5030 + skew);
    expect(estimate.latest).toBeGreaterThanOrEqual(t0 + 5030 + skew);
  });

  it("measures on the client's clock when the operation carries no dates", () => {
    const samples: PacingSample[] = [
      { receivedAt: t0 + 1000, status: "running", percentComplete: 20 },
      { receivedAt: t0 + 3000, status: "running", percentComplete: 60 },
    ];
    const estimate = estimateCompletion(samples)!;
    expect(estimate.since).toBe(t0 + 1000);
    expect(estimate.earliest).toBeLessThanOrEqual(t0 + 5000);
    expect(estimate.latest).toBeGreaterThanOrEqual(t0 + 5000);
  });

  it("counts from the end of a wait in notStarted, not from creation", () => {
    const samples: PacingSample[] = [
      {
        receivedAt: t0 + 4000,
        status: "notStarted",
        createdDateTime: iso(t0),
        lastActionDateTime: iso(t0 + 4000),
      },
      sample(50, t0 + 5000),
    ];
    const estimate = estimateCompletion(samples)!;
    expect(estimate.since).toBeGreaterThanOrEqual(t0 + 4000);
    expect(estimate.latest).toBeLessThanOrEqual(t0 + 7000);
  });

  it("falls back to the client's clock when lastActionDateTime does not move with progress", () => {
    const samples: PacingSample[] = [
      sample(20, t0 + 1000, { lastActionDateTime: iso(t0) }),
      sample(60, t0 + 3000, { lastActionDateTime: iso(t0) }),
    ];
    const estimate = estimateCompletion(samples)!;
    expect(estimate.earliest).toBeLessThanOrEqual(t0 + 5000);
    expect(estimate.latest).toBeGreaterThanOrEqual(t0 + 5000);
  });

  it("has no latest finish when progress may have stalled", () => {
    const estimate = estimateCompletion([
      sample(50, t0 + 1000, { createdDateTime: undefined }),
      sample(50, t0 + 5000, { createdDateTime: undefined }),
    ])!;
    expect(estimate.latest).toBe(Infinity);
    expect(estimate.earliest).toBeGreaterThan(t0 + 5000);
  });
});
