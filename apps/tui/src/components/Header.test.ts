import { describe, expect, it } from "vitest";
import { catalogs } from "../i18n/languages.js";
import { createTranslator } from "../i18n/translator.js";
import { connectionReason, describeConnection } from "./Header.js";

const translate = createTranslator(catalogs.en);
const reconnecting = {
  state: "reconnecting",
  attempt: 6,
  retryInMs: 8000,
  reason: "connect ECONNREFUSED 127.0.0.1:8080",
} as const;

describe("describeConnection", () => {
  it("counts a reconnection's delay down to the next attempt, then says the attempt is under way", () => {
    expect(describeConnection(reconnecting, translate, 0)).toBe("reconnecting (attempt 6, in 8 s)");
    expect(describeConnection(reconnecting, translate, 2500)).toContain("in 6 s");
    expect(describeConnection(reconnecting, translate, 7900)).toContain("in 1 s");
    // Never "in 0 s", nor a count stuck at 1 while a hung request is being waited for.
    expect(describeConnection(reconnecting, translate, 9000)).toBe("reconnecting (attempt 6, trying now)");
    expect(connectionReason(reconnecting)).toBe("connect ECONNREFUSED 127.0.0.1:8080");
    expect(connectionReason({ state: "closed" }, "the proxy answered 401")).toBe("the proxy answered 401");
    expect(connectionReason({ state: "live" }, "old")).toBeUndefined();
  });
});
