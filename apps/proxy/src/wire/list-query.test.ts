import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseListQuery } from "./list-query.js";
import { decodeSkipToken, encodeSkipToken } from "./skip-token.js";

describe("parseListQuery", () => {
  it("defaults to a page of 100 without filter", () => {
    expect(parseListQuery({})).toEqual({ top: 100 });
  });

  it("reads $top=0 as OData allows: an empty page", () => {
    expect(parseListQuery({ $top: "0" }).top).toBe(0);
  });

  it("reads $top, $skiptoken and $filter and ignores other parameters", () => {
    const token = encodeSkipToken({ createdAt: 1_700_000_000_000, id: "abc" });
    expect(
      parseListQuery({ $top: "5", $skiptoken: token, $filter: "status eq 'failed'", other: "x" }),
    ).toEqual({
      top: 5,
      after: { createdAt: 1_700_000_000_000, id: "abc" },
      filter: { type: "comparison", field: "status", operator: "eq", value: "failed" },
      filterText: "status eq 'failed'",
    });
  });

  it.each([
    [{ $top: "-1" }, /\$top must be a whole number from 0 to 1000, got "-1"/],
    [{ $top: "1001" }, /\$top must be/],
    [{ $top: "ten" }, /\$top must be/],
    [{ $top: ["1", "2"] }, /\$top must be given once/],
    [
      { $orderby: "createdDateTime" },
      /\$orderby is not supported on \/operations; supported: \$top, \$skiptoken, \$filter/,
    ],
    [{ $skip: "10" }, /\$skip is not supported/],
    [{ $skiptoken: "not a token" }, /\$skiptoken is not one this proxy issued/],
    [
      { $skiptoken: Buffer.from('{"a":1}').toString("base64url") },
      /\$skiptoken is not one this proxy issued/,
    ],
    [{ $skiptoken: Buffer.from('[-1,"x"]').toString("base64url") }, /\$skiptoken is not one/],
  ])("refuses %j", (query, message) => {
    expect(() => parseListQuery(query)).toThrow(message);
  });
});

describe("skip tokens", () => {
  it("round-trip the keyset cursor and stay URL-safe", () => {
    const cursor = { createdAt: 1_763_800_000_123, id: "Zx-9_aB" };
    const token = encodeSkipToken(cursor);
    expect(token).toMatch(/^[\w-]+$/);
    expect(decodeSkipToken(token)).toEqual(cursor);
  });
});

describe("skip tokens, for any cursor", () => {
  it("decode to the cursor they were made from", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 }),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }),
        (createdAt, id) => {
          expect(decodeSkipToken(encodeSkipToken({ createdAt, id }))).toEqual({ createdAt, id });
        },
      ),
    );
  });

  it("refuse anything else with a 400", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (token) => {
        try {
          decodeSkipToken(token);
        } catch (error) {
          expect((error as { code?: string }).code).toBe("invalidRequest");
        }
      }),
    );
  });
});
