import { describe, expect, it } from "vitest";
import { catalogs } from "../i18n/languages.js";
import { createTranslator } from "../i18n/translator.js";
import { elapsedSince, formatDuration } from "./duration.js";

describe("formatDuration", () => {
  const en = createTranslator(catalogs.en);
  it("picks the largest unit that keeps the number small", () => {
    expect(
      [0, 59_999, 60_000, 3_599_999, 3_600_000, 47 * 3_600_000, 49 * 3_600_000].map((ms) =>
        formatDuration(ms, en),
      ),
    ).toEqual(["0s", "59s", "1m", "59m", "1h", "47h", "2d"]);
  });

  it("speaks the user's language", () => {
    expect(formatDuration(120_000, createTranslator(catalogs.ru))).toBe("2 мин");
    expect(formatDuration(5000, createTranslator(catalogs["zh-CN"]))).toBe("5秒");
  });

  it("measures from ISO times with seven fractional digits, and from epoch times", () => {
    expect(elapsedSince("2023-06-09T22:50:41.5414467Z", Date.parse("2023-06-09T22:50:51.541Z"))).toBe(10_000);
    expect(elapsedSince(1000, 4000)).toBe(3000);
    expect(elapsedSince("not a date", 4000)).toBeUndefined();
  });
});
