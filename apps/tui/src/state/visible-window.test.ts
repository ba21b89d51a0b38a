import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { windowStart } from "./visible-window.js";

describe("windowStart", () => {
  it("scrolls only when the selection leaves the window", () => {
    expect(windowStart(5, 0, 10, 500)).toBe(0);
    expect(windowStart(10, 0, 10, 500)).toBe(1);
    expect(windowStart(499, 0, 10, 500)).toBe(490);
    expect(windowStart(3, 490, 10, 500)).toBe(3);
    expect(windowStart(3, 0, 10, 5)).toBe(0);
  });

  it("always keeps the selection in view and the window within the rows", () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(1000),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 1000 }),
        (selected, previous, height, total) => {
          const index = selected % total;
          const start = windowStart(index, previous, height, total);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(index).toBeGreaterThanOrEqual(start);
          expect(index).toBeLessThan(start + height);
          expect(start).toBeLessThanOrEqual(Math.max(0, total - height));
        },
      ),
    );
  });
});
