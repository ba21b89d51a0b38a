import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flavours } from "./flavours.js";
import { operationKinds } from "./operation-kind.js";
import { readLeaves } from "./read-leaves.js";
import { flavourPayload } from "./test-support/flavour-arbitraries.js";

/** Values a leaf may be sent: valid, lenient (null, "", numeric strings) and wrong. */
const leafValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(""),
  fc.string(),
  fc.constantFrom("2024-05-01T10:00:00Z", "50%", "27.8", "101", "NaN", " 7 "),
  fc.double(),
  fc.boolean(),
  fc.object({ maxDepth: 1 }),
);

/** A flavour's payload with any of its properties replaced by a leaf-like value. */
function mangledPayload(kind: (typeof operationKinds)[number]) {
  const names = Object.keys(flavours[kind].schema.shape);
  return fc
    .tuple(flavourPayload(kind), fc.dictionary(fc.constantFrom(...names), leafValue, { maxKeys: 3 }))
    .map(([payload, replaced]) => ({ ...payload, ...replaced }));
}

describe("readLeaves", () => {
  it.each(operationKinds)("reads a %s payload as its zod schema does, or leaves it to zod", (kind) => {
    const flavour = flavours[kind];
    fc.assert(
      fc.property(fc.oneof(flavourPayload(kind), mangledPayload(kind)), (payload) => {
        const leaves = readLeaves(flavour, payload);
        if (leaves === undefined) return;
        const parsed = flavour.schema.safeParse(payload);
        expect(parsed.success).toBe(true);
        for (const name of Object.keys(flavour.properties))
          expect(leaves[name]).toStrictEqual((parsed.data as Record<string, unknown>)[name]);
      }),
      { numRuns: 200 },
    );
  });

  it("reads the common leaf-only answers without zod", () => {
    const payload = { id: "op-1", status: "running", lastActionDateTime: "2024-05-01T10:00:00Z" };
    expect(readLeaves(flavours.engagementAsyncOperation, payload)).toStrictEqual({
      id: "op-1",
      createdDateTime: undefined,
      lastActionDateTime: "2024-05-01T10:00:00Z",
      resourceLocation: undefined,
      status: "running",
      statusDetail: undefined,
      operationType: undefined,
      resourceId: undefined,
    });
    expect(readLeaves(flavours.engagementAsyncOperation, { ...payload, status: 7 })).toBeUndefined();
  });

  it("reads a null error without zod, as its nullish schema does", () => {
    // Graph's OneNote copy monitor sends "error": null while it runs.
    const payload = { id: "op-1", status: "running", percentComplete: "27", error: null };
    expect(readLeaves(flavours.onenoteOperation, payload)).toMatchObject({
      error: null,
      percentComplete: 27,
    });
    expect(flavours.onenoteOperation.schema.parse(payload)).toMatchObject({ error: null });
    expect(readLeaves(flavours.onenoteOperation, { ...payload, error: { code: "x" } })).toBeUndefined();
  });
});
