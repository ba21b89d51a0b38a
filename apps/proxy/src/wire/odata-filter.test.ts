import { operationKinds, operationStatuses } from "@lro/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OperationFilter } from "../store/operation-filter.js";
import { formatFilter } from "./odata-filter-format.js";
import { parseFilter } from "./odata-filter.js";

describe("parseFilter", () => {
  it("reads comparisons, in, and/or with and binding tighter, and parentheses", () => {
    expect(parseFilter("status eq 'running'")).toEqual({
      type: "comparison",
      field: "status",
      operator: "eq",
      value: "running",
    });
    expect(parseFilter("kind in ('operation', 'teamsAsyncOperation')")).toEqual({
      type: "in",
      field: "kind",
      values: ["operation", "teamsAsyncOperation"],
    });
    expect(
      parseFilter("status eq 'failed' or status eq 'succeeded' and createdDateTime ge 2026-01-31T00:00:00Z"),
    ).toEqual({
      type: "or",
      left: { type: "comparison", field: "status", operator: "eq", value: "failed" },
      right: {
        type: "and",
        left: { type: "comparison", field: "status", operator: "eq", value: "succeeded" },
        right: {
          type: "comparison",
          field: "createdDateTime",
          operator: "ge",
          value: Date.parse("2026-01-31T00:00:00Z"),
        },
      },
    });
    expect(
      parseFilter(
        "(status ne 'failed' or kind eq 'operation') and createdDateTime lt '2026-02-01T10:00:00.1234567+01:00'",
      ),
    ).toMatchObject({
      type: "and",
      left: { type: "or" },
      right: { field: "createdDateTime", operator: "lt", value: Date.parse("2026-02-01T10:00:00.123+01:00") },
    });
  });

  it.each([
    ["", /it is empty/],
    ["percentageComplete gt 5", /expected status, kind or createdDateTime but found "percentageComplete"/],
    ["status gt 'running'", /status supports eq, ne and in, not gt/],
    ["status eq 'Running'", /'Running' is not a status; one of 'notStarted'/],
    ["kind eq 'copy'", /'copy' is not a kind/],
    ["status eq running", /expected a quoted status value but found "running"/],
    ["createdDateTime ge yesterday", /expected a date-time such as .* but found "yesterday"/],
    ["createdDateTime ge 2026-13", /expected a date-time such as .* but found "2026-13" at position 20/],
    ["status eq 'running", /unterminated string starting at position 11/],
    ["(status eq 'running'", /expected "\)" but found the end of the filter/],
    ["status eq 'running' xor kind eq 'operation'", /unexpected "xor" at position 21/],
    ["not status eq 'running'", /found "not"/],
    ["status in ('running' 'failed')", /expected "," or "\)"/],
    ["status eq 'running' & kind", /unexpected "&" at position 21/],
    ["contains(status, 'run')", /found "contains"/],
  ])("refuses %j, saying what is wrong and what is supported", (text, problem) => {
    expect(() => parseFilter(text)).toThrow(problem);
    expect(() => parseFilter(text)).toThrow(/\$filter supports status and kind \(eq, ne, in\)/);
  });

  it("reads back every filter it writes", () => {
    const status = fc.constantFrom(...operationStatuses);
    const kind = fc.constantFrom(...operationKinds);
    const leaf: fc.Arbitrary<OperationFilter> = fc.oneof(
      fc.record({
        type: fc.constant("comparison" as const),
        field: fc.constant("status" as const),
        operator: fc.constantFrom("eq" as const, "ne" as const),
        value: status,
      }),
      fc.record({
        type: fc.constant("comparison" as const),
        field: fc.constant("createdDateTime" as const),
        operator: fc.constantFrom("eq", "ne", "gt", "ge", "lt", "le" as const),
        value: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      }),
      fc.record({
        type: fc.constant("in" as const),
        field: fc.constant("kind" as const),
        values: fc.array(kind, { minLength: 1, maxLength: 4 }),
      }),
    );
    const filter = fc.letrec<{ filter: OperationFilter }>((tie) => ({
      filter: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.record({
          type: fc.constantFrom("and" as const, "or" as const),
          left: tie("filter"),
          right: tie("filter"),
        }),
      ),
    })).filter;
    fc.assert(
      fc.property(filter, (value) => {
        expect(parseFilter(formatFilter(value))).toEqual(value);
      }),
    );
  });

  it("answers its own 400, not a stack overflow, to a filter too deep or too long", () => {
    const deep = `${"(".repeat(5000)}status eq 'running'${")".repeat(5000)}`;
    expect(() => parseFilter(deep)).toThrow(/deeper than 32 levels/);
    const nested = `${"(".repeat(32)}status eq 'running'${")".repeat(32)}`;
    expect(parseFilter(nested)).toEqual(parseFilter("status eq 'running'"));
    const long = Array.from({ length: 101 }, () => "status eq 'running'").join(" or ");
    expect(() => parseFilter(long)).toThrow(/more than 100 conditions/);
    expect(() => parseFilter(long)).toThrow(expect.objectContaining({ code: "invalidRequest" }));
  });

  it("never throws anything but its own 400 on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          parseFilter(text);
        } catch (error) {
          expect((error as { code?: string }).code).toBe("invalidRequest");
        }
      }),
    );
  });
});
