import { describe, expect, it } from "vitest";
import { OperationValidationError } from "../errors/operation-validation-error.js";
import { LroError } from "../errors/lro-error.js";
import { parseOperation, safeParseOperation } from "./parse-operation.js";
import { toGraphJson } from "./to-graph-json.js";

function issuesOf(input: unknown, options?: Parameters<typeof safeParseOperation>[1]) {
  const result = safeParseOperation(input, options);
  if (result.success) throw new Error("expected the payload to be rejected");
  return result.error.issues.map((issue) => issue.message);
}

function warningsOf(input: unknown, options?: Parameters<typeof safeParseOperation>[1]) {
  const result = safeParseOperation(input, options);
  if (!result.success) throw new Error(`expected the payload to be read: ${result.error.message}`);
  return result.data;
}

describe("parseOperation: only the status refuses an answer", () => {
  it("reads the status past a value it cannot read, naming the path, what was expected and what was received", () => {
    const payload = { id: "1", status: "running", percentageComplete: "abc" };
    const operation = warningsOf(payload);
    expect(operation.status).toBe("running");
    expect(operation.percentComplete).toBeUndefined();
    expect(operation.raw).toStrictEqual(payload);
    expect(operation.warnings?.map((warning) => warning.message)).toStrictEqual([
      '$.percentageComplete: expected a number 0..100, received "abc"',
    ]);
  });

  it.each([
    [
      { id: "1", status: "running", percentageComplete: 101 },
      "$.percentageComplete: expected a number 0..100, received 101",
    ],
    [
      { id: "1", status: "running", percentageComplete: -1 },
      "$.percentageComplete: expected a number 0..100, received -1",
    ],
    [
      { id: "1", status: "running", percentageComplete: Number.NaN },
      "$.percentageComplete: expected a number 0..100, received NaN",
    ],
    [
      { id: "1", status: "running", percentageComplete: "NaN" },
      '$.percentageComplete: expected a number 0..100, received "NaN"',
    ],
    [
      { id: "1", status: "Running", percentComplete: true },
      "$.percentComplete: expected a number 0..100, received true",
    ],
    [
      { id: "1", status: "running", createdDateTime: "yesterday", statusDetail: "" },
      '$.createdDateTime: expected an ISO 8601 date-time string or null, received "yesterday"',
    ],
    [
      { id: "1", status: "running", createdDateTime: "2023-06-19T12-06-03.0024Z", statusDetail: "" },
      '$.createdDateTime: expected an ISO 8601 date-time string or null, received "2023-06-19T12-06-03.0024Z"',
    ],
    [
      { id: "1", status: "running", type: "x", error: "boom" },
      '$.error: expected an object or null, received "boom"',
    ],
    [
      { id: "1", status: "running", type: "x", error: { details: [{ code: 5 }] } },
      "$.error.details[0].code: expected a string or null, received 5",
    ],
    [{ id: 7, status: "running", type: "x" }, "$.id: expected a string or null, received 7"],
  ])("reads %j with a warning", (payload, message) => {
    const operation = warningsOf(payload);
    expect(operation.status).toBe("running");
    expect(operation.warnings?.map((warning) => warning.message)).toStrictEqual([message]);
    expect(operation.raw).toStrictEqual(payload);
    // The value that could not be read goes back as received.
    expect(toGraphJson(operation)).toStrictEqual(payload);
  });

  it("keeps what it can read of a property that is partly wrong", () => {
    const operation = warningsOf({
      id: "1",
      status: "failed",
      type: "x",
      error: { code: "badRequest", message: "no", details: [{ code: 5, message: "m" }, "junk"] },
    });
    expect(operation.error).toStrictEqual({
      code: "badRequest",
      message: "no",
      details: [{ code: "", message: "m" }],
    });
    expect(operation.warnings?.map((warning) => warning.pathText)).toStrictEqual([
      "$.error.details[0].code",
      "$.error.details[1]",
    ]);
  });

  it.each([
    [{ id: "1", status: 3, type: "x" }, "$.status: expected a string (the operation's status), received 3"],
    [{ id: "1", type: "x" }, "$.status: expected a string (the operation's status), received nothing"],
    [
      { id: "1", status: null, type: "x" },
      "$.status: expected a string (the operation's status), received null",
    ],
  ])("refuses %j: it has no status", (payload, message) => {
    expect(issuesOf(payload)).toContain(message);
  });

  it("refuses a printer status that is not an object", () => {
    expect(issuesOf({ id: "1", status: "running" }, { kind: "printerCreateOperation" })).toStrictEqual([
      '$.status: expected an object {state, description}, received "running"',
    ]);
    expect(
      issuesOf({ id: "1", status: { description: "x" } }, { kind: "printerCreateOperation" }),
    ).toStrictEqual(["$.status.state: expected a string (the operation's status), received nothing"]);
  });

  it("lists every bad path at once when it refuses", () => {
    expect(issuesOf({ id: "1", status: 1, percentageComplete: "x", type: "t" })).toHaveLength(2);
  });

  it("throws an OperationValidationError with structured issues and the flavour it read", () => {
    let caught: unknown;
    try {
      parseOperation({ id: "1", status: ["running"], type: "t" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OperationValidationError);
    expect(OperationValidationError.isInstance(caught)).toBe(true);
    expect(LroError.isInstance(caught)).toBe(true);
    const error = caught as OperationValidationError;
    expect(error.code).toBe("operationValidation");
    expect(error.kind).toBe("richLongRunningOperation");
    expect(error.issues).toStrictEqual([
      {
        path: ["status"],
        pathText: "$.status",
        expected: "a string (the operation's status)",
        received: "an array",
        message: "$.status: expected a string (the operation's status), received an array",
      },
    ]);
    expect(error.message).toContain("read as richLongRunningOperation");
  });

  it("names nested paths in warnings", () => {
    const operation = warningsOf({
      id: "1",
      status: "running",
      type: "t",
      error: { code: "c", innerError: { details: "x" } },
    });
    expect(operation.warnings?.map((warning) => warning.message)).toStrictEqual([
      '$.error.innerError.details: expected an array or null, received "x"',
    ]);
    expect(operation.error).toStrictEqual({ code: "c", message: "", innerError: {} });
  });

  it("rejects an unknown options.kind or options.kindHint", () => {
    expect(issuesOf({ id: "1", status: "running" }, { kind: "nope" as never })[0]).toMatch(
      /^options\.kind: expected one of longRunningOperation, /,
    );
    expect(issuesOf({ id: "1", status: "running" }, { kindHint: "nope" as never })[0]).toMatch(
      /^options\.kindHint: expected one of longRunningOperation, /,
    );
  });
});

describe("safeParseOperation never throws", () => {
  it.each([
    [null, "$: expected a JSON object (a Graph operation payload), received null"],
    [undefined, "$: expected a JSON object (a Graph operation payload), received nothing"],
    ["{}", '$: expected a JSON object (a Graph operation payload), received "{}"'],
    [[{ status: "running" }], "$: expected a JSON object (a Graph operation payload), received an array"],
    [42, "$: expected a JSON object (a Graph operation payload), received 42"],
  ])("rejects %j", (input, message) => {
    expect(issuesOf(input)).toStrictEqual([message]);
  });

  it("rejects objects whose getters throw", () => {
    const payload = {
      id: "1",
      get status(): string {
        throw new Error("no status for you");
      },
    };
    const result = safeParseOperation(payload);
    expect(result.success).toBe(false);
    expect(result.error?.message).toContain("no status for you");
  });

  it("rejects getters that throw values which cannot be inspected", () => {
    const { proxy: thrown, revoke } = Proxy.revocable(new Error("gone"), {});
    revoke();
    const payload = {
      get status(): string {
        throw thrown;
      },
    };
    const result = safeParseOperation(payload);
    expect(result.error?.issues[0]?.message).toBe(
      "$: expected a JSON object whose properties can be read (reading it threw), received an object",
    );
    expect(result.error?.cause).toBe(thrown);
  });

  it("rejects proxies that throw and revoked proxies", () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
        has: () => {
          throw new Error("trap");
        },
        ownKeys: () => {
          throw new Error("trap");
        },
      },
    );
    const { proxy, revoke } = Proxy.revocable({ id: "1", status: "running" }, {});
    revoke();
    expect(safeParseOperation(throwing).success).toBe(false);
    expect(safeParseOperation(proxy).success).toBe(false);
    expect(safeParseOperation(proxy).error?.issues[0]?.received).toBe("a value that cannot be inspected");
  });

  it("reads cyclic objects and rejects cyclic or too deeply nested inner errors", () => {
    const payload: Record<string, unknown> = { id: "1", status: "running", type: "t" };
    payload["self"] = payload;
    expect(parseOperation(payload).raw["self"]).toBe(payload);

    const error: Record<string, unknown> = { code: "a", message: "b" };
    error["innerError"] = error;
    const cyclic = warningsOf({ id: "1", status: "failed", type: "t", error });
    expect(cyclic.status).toBe("failed");
    expect(cyclic.error?.code).toBe("a");
    expect(cyclic.warnings?.[0]?.message).toMatch(/expected at most 32 nested innerError levels/);

    let deep: Record<string, unknown> = { code: "deepest" };
    for (let level = 0; level < 100_000; level += 1) deep = { code: "x", innerError: deep };
    const deepest = warningsOf({ id: "1", status: "failed", type: "t", error: deep });
    expect(deepest.status).toBe("failed");
    let depth = 0;
    for (let inner = deepest.error?.innerError; inner !== undefined; inner = inner.innerError) depth += 1;
    expect(depth).toBe(32);
  });

  it("reads the status past huge nesting where an array is expected", () => {
    let nested: unknown = [];
    for (let level = 0; level < 100_000; level += 1) nested = [nested];
    const operation = warningsOf({
      id: "1",
      status: "failed",
      type: "t",
      error: { code: "c", details: nested },
    });
    expect(operation.status).toBe("failed");
    expect(operation.warnings?.[0]?.pathText).toBe("$.error.details[0]");
  });
});
