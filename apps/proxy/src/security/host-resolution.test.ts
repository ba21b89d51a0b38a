import { describe, expect, it } from "vitest";
import { cacheResolutions } from "./host-resolution.js";

describe("cacheResolutions", () => {
  it("reuses an answer until it expires, then asks again", async () => {
    let now = 0;
    const asked: string[] = [];
    const resolve = cacheResolutions(
      async (hostname) => {
        asked.push(hostname);
        return [`20.0.0.${asked.length}`];
      },
      { ttlMs: 1000, maxEntries: 10, now: () => now },
    );
    expect(await resolve("a.example")).toEqual(["20.0.0.1"]);
    now = 999;
    expect(await resolve("a.example")).toEqual(["20.0.0.1"]);
    now = 1000;
    expect(await resolve("a.example")).toEqual(["20.0.0.2"]);
    expect(asked).toEqual(["a.example", "a.example"]);
  });

  it("does not keep failures", async () => {
    let fail = true;
    const resolve = cacheResolutions(
      async () => {
        if (fail) throw new Error("ENOTFOUND");
        return ["20.0.0.1"];
      },
      { ttlMs: 60_000, maxEntries: 10, now: () => 0 },
    );
    await expect(resolve("a.example")).rejects.toThrow("ENOTFOUND");
    fail = false;
    expect(await resolve("a.example")).toEqual(["20.0.0.1"]);
  });

  it("keeps at most maxEntries host names, dropping the oldest", async () => {
    const asked: string[] = [];
    const resolve = cacheResolutions(
      async (hostname) => {
        asked.push(hostname);
        return ["20.0.0.1"];
      },
      { ttlMs: 60_000, maxEntries: 2, now: () => 0 },
    );
    for (const hostname of ["a", "b", "c", "c", "b", "a"]) await resolve(hostname);
    expect(asked).toEqual(["a", "b", "c", "a"]);
  });
});
