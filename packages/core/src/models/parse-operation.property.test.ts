import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flavours } from "./flavours.js";
import { operationKinds } from "./operation-kind.js";
import type { Operation } from "./operation.js";
import { operationSchema } from "./operation.js";
import { operationStatuses } from "./operation-status.js";
import { parseOperation, safeParseOperation } from "./parse-operation.js";
import { flavourPayload, isoDateTime } from "./test-support/flavour-arbitraries.js";
import { toGraphJson } from "./to-graph-json.js";

describe("safeParseOperation on anything", () => {
  it("never throws on any JSON value and always answers a result", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = safeParseOperation(value);
        expect(typeof result.success).toBe("boolean");
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on any JavaScript value, forced kind or not", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
        }),
        fc.option(fc.constantFrom(...operationKinds), { nil: undefined }),
        (value, kind) => {
          expect(() => safeParseOperation(value, { kind })).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws on objects whose status and percentage are anything", () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        fc.constantFrom(...operationKinds),
        (status, progress, kind) => {
          const result = safeParseOperation(
            { id: "1", status, percentageComplete: progress, progress, percentComplete: progress },
            { kind },
          );
          if (result.success) expect(operationSchema.safeParse(result.data).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// A hundred and fifty payloads a property: seconds on a loaded shared machine.
describe.each(operationKinds)("generated %s payloads", { timeout: 30_000 }, (kind) => {
  it("are detected as their flavour and give a valid Operation", () => {
    fc.assert(
      fc.property(flavourPayload(kind), (payload) => {
        const operation = parseOperation(payload);
        expect(operation.kind).toBe(kind);
        expect(operationSchema.parse(operation)).toStrictEqual(operation);
        expect(operation.raw).toStrictEqual(payload);
      }),
      { numRuns: 150 },
    );
  });

  it("round-trip: toGraphJson gives back the payload, and parsing it gives back the Operation", () => {
    fc.assert(
      fc.property(flavourPayload(kind), (payload) => {
        const operation = parseOperation(payload);
        const json = toGraphJson(operation);
        expect(json).toStrictEqual(payload);
        expect(parseOperation(json)).toStrictEqual(operation);
        expect(parseOperation(JSON.parse(JSON.stringify(json)))).toStrictEqual(
          parseOperation(JSON.parse(JSON.stringify(payload))),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("writes every change of a normalised field the flavour carries into its JSON", () => {
    const properties = Object.values(flavours[kind].properties);
    const readOnly = new Set(properties.flatMap((property) => property.readOnly ?? []));
    const carried: ReadonlySet<string> = new Set(
      properties.flatMap((property) => property.feeds).filter((field) => !readOnly.has(field)),
    );
    const changes = fc.record(
      {
        status: fc.constantFrom(...operationStatuses),
        percentComplete: fc.integer({ min: 0, max: 100 }),
        createdDateTime: isoDateTime,
        lastActionDateTime: isoDateTime,
        resourceLocation: fc.webUrl(),
        resourceId: fc.uuid(),
        statusDetail: fc.string({ minLength: 1 }),
        type: fc.string({ minLength: 1 }),
        operationType: fc.string({ minLength: 1 }),
        error: fc.record(
          { code: fc.string({ minLength: 1 }), message: fc.string({ minLength: 1 }) },
          { noNullPrototype: true },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(flavourPayload(kind), changes, (payload, change) => {
        const operation = parseOperation(payload);
        const changed: Operation = { ...operation };
        for (const [field, value] of Object.entries(change)) {
          if (carried.has(field)) Object.assign(changed, { [field]: value });
        }
        const reread = parseOperation(toGraphJson(changed));
        expect(reread.kind).toBe(kind);
        const rereadFields: Record<string, unknown> = reread;
        const changedFields: Record<string, unknown> = changed;
        for (const field of carried) {
          if (field !== "rawStatus") expect(rereadFields[field]).toStrictEqual(changedFields[field]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("payloads read as another flavour (options.kind)", () => {
  it("write JSON that reads back as that flavour with the same fields", () => {
    const payloads = fc.constantFrom(...operationKinds).chain((kind) => flavourPayload(kind));
    fc.assert(
      fc.property(payloads, fc.constantFrom(...operationKinds), (payload, kind) => {
        const result = safeParseOperation(payload, { kind });
        if (!result.success) return;
        const { raw: _raw, ...fields } = result.data;
        const { raw, ...reread } = parseOperation(toGraphJson(result.data));
        expect(reread).toStrictEqual(fields);
        expect(parseOperation(raw, { kind })).toStrictEqual(
          parseOperation(toGraphJson(result.data), { kind }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
