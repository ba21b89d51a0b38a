import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateCompletion } from "./completion-estimate.js";
import type { PacingSample } from "./pacing-sample.js";
import { referenceEstimate } from "./test-support/reference-estimate.js";

const t0 = Date.UTC(2026, 10, 22, 12, 0, 0);

/** A sample as pacing keeps it: any status, progress with whole or fractional values, dates present or not. */
const sampleArbitrary: fc.Arbitrary<PacingSample> = fc
  .record({
    receivedAt: fc.integer({ min: 0, max: 600_000 }),
    status: fc.constantFrom("notStarted", "running", "running", "running"),
    percentComplete: fc.option(
      fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
      { nil: undefined, freq: 6 },
    ),
    createdOffset: fc.option(fc.integer({ min: -60_000, max: 60_000 }), { nil: undefined, freq: 5 }),
    // The server's clock: ahead of or behind the client's, sometimes not advancing with progress.
    actionSkew: fc.option(fc.integer({ min: -5_000, max: 5_000 }), { nil: undefined, freq: 8 }),
  })
  .map(({ receivedAt, status, percentComplete, createdOffset, actionSkew }) => {
    const sample: PacingSample = { receivedAt: t0 + receivedAt, status };
    if (percentComplete !== undefined) sample.percentComplete = percentComplete;
    if (createdOffset !== undefined) sample.createdDateTime = new Date(t0 + createdOffset).toISOString();
    if (actionSkew !== undefined)
      sample.lastActionDateTime = new Date(t0 + receivedAt + actionSkew).toISOString();
    return sample;
  });

/** Samples oldest first, as `appendPacingSample` keeps them (at most three, usually). */
const samplesArbitrary = fc
  .array(sampleArbitrary, { minLength: 0, maxLength: 5 })
  .map((samples) => samples.sort((a, b) => a.receivedAt - b.receivedAt));

describe("estimateCompletion, computed in place", () => {
  it("gives the same window as the estimate written with intermediate arrays, for any samples", () => {
    fc.assert(
      fc.property(samplesArbitrary, (samples) => {
        expect(estimateCompletion(samples)).toEqual(referenceEstimate(samples));
      }),
      { numRuns: 5_000 },
    );
  });

  it("finds windows in most generated cases, so the comparison is not only of undefined", () => {
    const samples = fc.sample(samplesArbitrary, { numRuns: 2_000, seed: 7 });
    const found = samples.filter((sample) => estimateCompletion(sample) !== undefined).length;
    expect(found).toBeGreaterThan(400);
  });
});
