import { describe, expect, it } from "vitest";
import { shortId } from "./short-id.js";

describe("shortId", () => {
  it("takes the first group of a GUID wherever it sits in the id", () => {
    expect(shortId("a1b2c3d4-0000-4000-8000-000000000001")).toBe("a1b2c3d4");
    expect(shortId("copy-2ca1dd4f-6d6f-4dfd-be41-c05e5c3f9156")).toBe("2ca1dd4f");
    expect(shortId("http://127.0.0.1:4011/_api/v2.0/monitor/BD10AA76-ABC0-49F6-B762-F35FC0C926BB")).toBe(
      "BD10AA76",
    );
  });

  it("keeps the distinguishing end of composite ids", () => {
    expect(shortId("contentTypeCopy,0x0101009D1CB255DA76424F860D91F20E6C4118")).toBe("0E6C4118");
    expect(shortId("contentTypeCopy,0x010100984E35D646EF4C99ACCCF9976E6100CC")).toBe("6E6100CC");
    expect(shortId("op-7")).toBe("op-7");
  });
});
