import { describe, expect, it } from "vitest";
import { hasPreference } from "./prefer.js";

describe("hasPreference", () => {
  it("finds a preference among several, ignoring case, spaces and parameters", () => {
    expect(hasPreference("respond-async, wait=10", "respond-async")).toBe(true);
    expect(hasPreference("wait=10,Include-Unknown-Enum-Members", "include-unknown-enum-members")).toBe(true);
    expect(hasPreference("respond-async; foo=bar", "respond-async")).toBe(true);
  });

  it("does not match a missing header or a preference that merely starts the same", () => {
    expect(hasPreference(undefined, "respond-async")).toBe(false);
    expect(hasPreference("respond-asynchronously", "respond-async")).toBe(false);
    expect(hasPreference("return=minimal", "respond-async")).toBe(false);
  });
});
