import { describe, expect, it } from "vitest";
import { appendPacingSample, pushPacingSample } from "./pacing-sample.js";
import type { PacingSample } from "./pacing-sample.js";

const sample = (receivedAt: number, percentComplete?: number): PacingSample =>
  percentComplete === undefined
    ? { receivedAt, status: "running" }
    : { receivedAt, status: "running", percentComplete };

describe("pacing samples", () => {
  it("keep the first that reported progress and the two latest", () => {
    let samples: PacingSample[] = [];
    for (const [at, percent] of [[0], [1], [2, 10], [3, 20], [4, 30], [5, 40]] as const)
      samples = appendPacingSample(samples, sample(at, percent));
    expect(samples.map((kept) => kept.receivedAt)).toEqual([2, 4, 5]);
  });

  it("keep the very first and the two latest while none reported progress", () => {
    let samples: PacingSample[] = [];
    for (const at of [0, 1, 2, 3, 4]) samples = appendPacingSample(samples, sample(at));
    expect(samples.map((kept) => kept.receivedAt)).toEqual([0, 3, 4]);
  });

  it("are kept by pushPacingSample exactly as appendPacingSample keeps them, in place from three on", () => {
    // A resumed token may hold up to 16 samples: both cut them to three the same way.
    const histories: (number | undefined)[][] = [
      [undefined, undefined, 5, 10, 15, 20, 25],
      [undefined, undefined, undefined, undefined],
      [3, 6, 9],
      [undefined, 50, undefined, 70, 100],
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 5, 10],
    ];
    for (const history of histories) {
      let appended: PacingSample[] = [];
      let pushed: PacingSample[] = [];
      for (const [at, percent] of history.entries()) {
        const next = sample(at, percent);
        const before = appended;
        appended = appendPacingSample(appended, next);
        expect(appended).not.toBe(before);
        const kept = pushPacingSample(pushed, next);
        // Below three a new array of exactly those samples; from three on, the same array updated.
        if (pushed.length >= 3) expect(kept).toBe(pushed);
        else expect(kept).not.toBe(pushed);
        pushed = kept;
        expect(pushed).toEqual(appended);
      }
    }
    const resumed = Array.from({ length: 16 }, (_, at) => sample(at, at === 4 ? 1 : undefined));
    const expected = appendPacingSample(resumed, sample(16, 2));
    expect(pushPacingSample(resumed, sample(16, 2))).toBe(resumed);
    expect(resumed).toEqual(expected);
    expect(resumed.map((kept) => kept.receivedAt)).toEqual([4, 15, 16]);
  });
});
