import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullJitterBackoff } from "./backoff.js";

const config = { initialDelay: 500, maxDelay: 60_000 };

describe("fullJitterBackoff", () => {
  it("draws from [0, ceiling) where the ceiling doubles with each failure", () => {
    expect(fullJitterBackoff(1, config, () => 0.999)).toBe(499);
    expect(fullJitterBackoff(2, config, () => 0.999)).toBe(999);
    expect(fullJitterBackoff(3, config, () => 0.5)).toBe(1000);
    expect(fullJitterBackoff(4, config, () => 0)).toBe(0);
  });

  it("never exceeds maxDelay, however many failures", () => {
    expect(fullJitterBackoff(10, config, () => 0.999_999)).toBeLessThan(60_000);
    expect(fullJitterBackoff(10_000, config, () => 0.999_999)).toBeLessThan(60_000);
  });

  it("stays within the jitter bounds for any failure count and draw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (failures, draw) => {
          const delay = fullJitterBackoff(failures, config, () => draw);
          const ceiling = Math.min(config.maxDelay, config.initialDelay * 2 ** (failures - 1));
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(ceiling);
        },
      ),
    );
  });
});
