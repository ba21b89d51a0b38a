import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseByteSize, parseDuration } from "./durations-and-sizes.js";

describe("parseDuration", () => {
  it.each([
    ["500ms", 500],
    ["30s", 30_000],
    ["1.5m", 90_000],
    ["24h", 86_400_000],
    ["7d", 604_800_000],
    ["2H", 7_200_000],
  ])("reads %s", (value, expected) => expect(parseDuration(value)).toBe(expected));

  it.each(["", "10", "h", "1 week", "-1s", "1e3s"])("refuses %j", (value) =>
    expect(parseDuration(value)).toBeUndefined(),
  );

  it("reads every whole number of seconds back", () => {
    fc.assert(fc.property(fc.nat(1_000_000), (seconds) => parseDuration(`${seconds}s`) === seconds * 1000));
  });
});

describe("parseByteSize", () => {
  it.each([
    ["16kb", 16_384],
    ["1mb", 1_048_576],
    ["1048576", 1_048_576],
    ["100b", 100],
    ["0.5kb", 512],
  ])("reads %s", (value, expected) => expect(parseByteSize(value)).toBe(expected));

  it.each(["", "0", "lots", "-1", "1tb"])("refuses %j", (value) =>
    expect(parseByteSize(value)).toBeUndefined(),
  );
});
