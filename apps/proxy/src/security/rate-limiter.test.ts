import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter.js";

describe("createRateLimiter", () => {
  it("allows a burst of `limit`, then refuses with the time until the next token", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 3000, now: () => now });
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterMs: 1000, remaining: 0, fullInMs: 3000 });
    now = 400;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterMs: 600, remaining: 0, fullInMs: 2600 });
    now = 1000;
    // The token that came is spent: none left, the bucket whole again in 3 s.
    expect(limiter.take("a")).toEqual({ allowed: true, remaining: 0, fullInMs: 3000 });
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("keeps one bucket per identity", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => 0 });
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
  });

  it("refills no further than the burst size", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => now });
    limiter.take("a");
    now = 60_000;
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, false]);
  });

  it("drops idle buckets when it holds too many, keeping the state of busy ones", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => now, maxKeys: 2 });
    limiter.take("busy");
    now = 10;
    limiter.take("idle");
    now = 2000;
    limiter.take("third");
    limiter.take("busy");
    expect(limiter.take("busy").allowed).toBe(false);
  });

  it("holds no more than maxKeys buckets when every key is busy (a flood from many addresses)", () => {
    const limiter = createRateLimiter({ limit: 30, windowMs: 60_000, now: () => 0, maxKeys: 100 });
    for (let address = 0; address < 5000; address += 1) limiter.take(`2001:db8::${address.toString(16)}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    // The newest keys keep their state.
    expect(limiter.peek("2001:db8::1387")).toEqual({ allowed: true });
    for (let spent = 1; spent < 30; spent += 1) limiter.take("2001:db8::1387");
    expect(limiter.take("2001:db8::1387").allowed).toBe(false);
  });
});

describe("peek", () => {
  it("tells whether a token is there without spending it", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => now });
    expect(limiter.peek("a")).toEqual({ allowed: true });
    expect(limiter.peek("a")).toEqual({ allowed: true });
    limiter.take("a");
    expect(limiter.peek("a")).toEqual({ allowed: false, retryAfterMs: 1000 });
    now = 1000;
    expect(limiter.peek("a")).toEqual({ allowed: true });
  });
});
