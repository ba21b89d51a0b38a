import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonEqual } from "./json-equal.js";

describe("jsonEqual", () => {
  it("agrees with Node's isDeepStrictEqual on JSON values", () => {
    const value = fc.jsonValue();
    fc.assert(
      fc.property(value, value, (left, right) => {
        expect(jsonEqual(left, right)).toBe(isDeepStrictEqual(left, right));
        expect(jsonEqual(left, structuredClone(left))).toBe(true);
      }),
    );
  });

  it("tells apart what JSON tells apart", () => {
    expect(jsonEqual({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(jsonEqual(0, -0)).toBe(false);
    expect(jsonEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(jsonEqual(null, {})).toBe(false);
  });
});
