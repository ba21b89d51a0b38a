import { describe, expect, it } from "vitest";
import { readWaitSeconds } from "./wait-preference.js";

describe("readWaitSeconds", () => {
  it("reads ?wait and Prefer: wait, the query first, capped", () => {
    expect(readWaitSeconds(undefined, undefined, 60)).toBeUndefined();
    expect(readWaitSeconds("10", undefined, 60)).toBe(10);
    expect(readWaitSeconds(undefined, "wait=5", 60)).toBe(5);
    expect(readWaitSeconds(undefined, "respond-async, wait=7", 60)).toBe(7);
    expect(readWaitSeconds(undefined, 'return=minimal, Wait = "9"', 60)).toBe(9);
    expect(readWaitSeconds("3", "wait=50", 60)).toBe(3);
    expect(readWaitSeconds("600", undefined, 60)).toBe(60);
    expect(readWaitSeconds(undefined, "wait=600", 60)).toBe(60);
  });

  it("ignores a preference it cannot read and refuses a malformed ?wait", () => {
    expect(readWaitSeconds(undefined, "wait=soon, respond-async", 60)).toBeUndefined();
    expect(() => readWaitSeconds("-1", undefined, 60)).toThrow(/wait must be a whole number of seconds/);
    expect(() => readWaitSeconds(["1", "2"], undefined, 60)).toThrow(/wait must be/);
  });
});
