import { describe, expect, it } from "vitest";
import { reconnectDelay } from "./reconnect-delay.js";

const policy = { initialDelayMs: 500, maxDelayMs: 15_000 };

describe("reconnectDelay", () => {
  it("doubles the ceiling with every failed attempt, up to the maximum", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 10].map((attempt) =>
      reconnectDelay(attempt, policy, () => 0.999_999),
    );
    expect(ceilings).toEqual([499, 999, 1999, 3999, 7999, 14_999, 14_999, 14_999]);
  });

  it("draws the delay at random below the ceiling, so clients spread out", () => {
    expect(reconnectDelay(3, policy, () => 0)).toBe(0);
    expect(reconnectDelay(3, policy, () => 0.5)).toBe(1000);
  });

  it("waits at least as long as the stream's retry hint", () => {
    expect(reconnectDelay(1, policy, () => 0, 3000)).toBe(3000);
  });
});
