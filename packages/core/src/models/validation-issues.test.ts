import { describe, expect, it } from "vitest";
import { describeReceived, pathText } from "./validation-issues.js";

describe("pathText", () => {
  it("writes identifiers with dots, indexes and other keys in brackets", () => {
    expect(pathText([])).toBe("$");
    expect(pathText(["error", "details", 0, "code"])).toBe("$.error.details[0].code");
    expect(pathText(["@odata.type"])).toBe('$["@odata.type"]');
    expect(pathText(["innerError", "request-id"])).toBe('$.innerError["request-id"]');
  });
});

describe("describeReceived", () => {
  it("describes values briefly and safely", () => {
    expect(describeReceived("abc")).toBe('"abc"');
    expect(describeReceived("x".repeat(100))).toBe(JSON.stringify(`${"x".repeat(57)}...`));
    expect(describeReceived(undefined)).toBe("nothing");
    expect(describeReceived(null)).toBe("null");
    expect(describeReceived([1])).toBe("an array");
    expect(describeReceived({ a: 1 })).toBe("an object");
    expect(describeReceived(10n)).toBe("10");
    expect(describeReceived(() => 1)).toBe("a function");
    expect(describeReceived(Symbol("s"))).toBe("a symbol");
  });
});
