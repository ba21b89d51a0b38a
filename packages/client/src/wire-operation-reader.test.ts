import fc from "fast-check";
import { operationKinds, operationStatuses } from "@lro/core";
import { describe, expect, it } from "vitest";
import { readWireOperation, toOperation } from "./wire-operation-reader.js";
import { wireOperationSchema } from "./wire-operation.js";

const wireArbitrary = fc.record(
  {
    id: fc.uuid(),
    status: fc.constantFrom(...operationStatuses),
    statusDetail: fc.string({ minLength: 1 }),
    createdDateTime: fc.constant("2026-11-22T15:00:00.0000000Z"),
    lastActionDateTime: fc.constant("2026-11-22T15:00:01Z"),
    percentageComplete: fc.integer({ min: 0, max: 100 }),
    resourceLocation: fc.webUrl(),
    resourceId: fc.string({ minLength: 1 }),
    type: fc.string({ minLength: 1 }),
    error: fc.record({ code: fc.string({ minLength: 1 }), message: fc.string() }),
    kind: fc.constantFrom(...operationKinds),
    upstreamStatus: fc.string({ minLength: 1 }),
    monitorUrl: fc.webUrl(),
    version: fc.integer({ min: 1, max: 2 ** 40 }),
  },
  {
    requiredKeys: [
      "id",
      "status",
      "createdDateTime",
      "lastActionDateTime",
      "kind",
      "upstreamStatus",
      "monitorUrl",
      "version",
    ],
  },
);

describe("readWireOperation and toOperation", () => {
  it("read every operation the contract allows into the normalised model", () => {
    fc.assert(
      fc.property(wireArbitrary, (wire) => {
        const served = wireOperationSchema.parse(wire);
        const read = readWireOperation(served);
        const operation = toOperation(read);
        expect(operation).toMatchObject({
          kind: served.kind,
          id: served.id,
          status: served.status,
          rawStatus: served.upstreamStatus,
          createdDateTime: served.createdDateTime,
        });
        expect(operation.percentComplete).toBe(served.percentageComplete);
        expect(operation.error).toEqual(served.error);
        expect(operation.type).toBe(served.type);
        expect(read).toMatchObject({ monitorUrl: served.monitorUrl, version: served.version });
      }),
    );
  });

  it("read a status it does not know as unknownFutureValue, and empty strings and nulls as absent", () => {
    const operation = toOperation(
      readWireOperation({
        id: "a",
        kind: "richLongRunningOperation",
        status: "paused",
        resourceLocation: "",
        percentageComplete: null,
        error: null,
        version: 3,
      }),
    );
    expect(operation).toMatchObject({ status: "unknownFutureValue", rawStatus: "paused" });
    expect(operation.resourceLocation).toBeUndefined();
    expect(operation.percentComplete).toBeUndefined();
    expect(operation.error).toBeUndefined();
  });

  it("rejects what is not an operation, naming the field", () => {
    expect(() => readWireOperation({ id: "a", status: "running" })).toThrow(/version/);
  });

  it("the contract refuses what the proxy never sends", () => {
    const valid = fc.sample(wireArbitrary, 1)[0];
    expect(wireOperationSchema.safeParse({ ...valid, status: "paused" }).success).toBe(false);
    expect(wireOperationSchema.safeParse({ ...valid, version: 0 }).success).toBe(false);
  });
});
