import { describe, expect, it } from "vitest";
import { catalogs } from "../i18n/languages.js";
import { createTranslator } from "../i18n/translator.js";
import { describeConnection } from "./Header.js";

const translate = createTranslator(catalogs.en);
const reconnecting = {
  state: "reconnecting",
  attempt: 6,
  retryInMs: 8000,
  reason: "connect ECONNREFUSED 127.0.0.1:8080",
} as const;

describe("describeConnection", () => {
  it("counts a reconnection's delay down to the next attempt", () => {
    expect(describeConnection(reconnecting, translate, undefined, 0)).toBe(
      "reconnecting (attempt 6, in 8 s): connect ECONNREFUSED 127.0.0.1:8080",
    );
    expect(describeConnection(reconnecting, translate, undefined, 2500)).toContain("in 6 s");
    expect(describeConnection(reconnecting, translate, undefined, 7900)).toContain("in 1 s");
    // The attempt is under way: never "in 0 s" nor a negative count.
    expect(describeConnection(reconnecting, translate, undefined, 9000)).toContain("in 1 s");
  });
});
