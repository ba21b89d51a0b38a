import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after.js";

const now = Date.UTC(2026, 10, 22, 12, 0, 0);

describe("parseRetryAfter", () => {
  it("reads integer seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 5 ", now)).toBe(5000);
  });

  it("reads fractional seconds as Graph sends them, without floating-point drift", () => {
    expect(parseRetryAfter("2.128", now)).toBe(2128);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("0.0001", now)).toBe(1);
  });

  it("reads the three HTTP-date forms as GMT", () => {
    const later = now + 90_000;
    expect(parseRetryAfter("Sun, 22 Nov 2026 12:01:30 GMT", now)).toBe(90_000);
    expect(parseRetryAfter("Sunday, 22-Nov-26 12:01:30 GMT", now)).toBe(later - now);
    expect(parseRetryAfter("Sun Nov 22 12:01:30 2026", now)).toBe(later - now);
    expect(parseRetryAfter("Sun Nov  1 12:00:00 2026", Date.UTC(2026, 10, 1, 11, 59, 59))).toBe(1000);
  });

  it("reads a date in the past as no wait", () => {
    expect(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now)).toBe(0);
  });

  it("ignores values that are none of the forms", () => {
    for (const value of [
      "",
      "soon",
      "-1",
      "1e3",
      "+5",
      "5s",
      "0x10",
      "Mon, 31 Feb 2026 00:00:00 GMT",
      "2026-11-22",
    ]) {
      expect(parseRetryAfter(value, now), value).toBeUndefined();
    }
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("round-trips any whole number of seconds", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), now)).toBe(seconds * 1000);
      }),
    );
  });

  it("reads any fractional seconds to the millisecond, never below what was asked", () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.nat({ max: 999 }), (whole, thousandths) => {
        const text = `${whole}.${String(thousandths).padStart(3, "0")}`;
        expect(parseRetryAfter(text, now)).toBe(whole * 1000 + thousandths);
      }),
    );
  });

  it("reads any IMF-fixdate as the distance from now, at least 0", () => {
    const dates = fc.date({
      min: new Date("1990-01-01T00:00:00Z"),
      max: new Date("2090-01-01T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dates, (date) => {
        const whole = Math.floor(date.getTime() / 1000) * 1000;
        expect(parseRetryAfter(new Date(whole).toUTCString(), now)).toBe(Math.max(0, whole - now));
      }),
    );
  });

  it("never throws and never returns a negative or non-finite delay", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const delay = parseRetryAfter(value, now);
        if (delay !== undefined) expect(Number.isFinite(delay) && delay >= 0).toBe(true);
      }),
    );
  });
});
