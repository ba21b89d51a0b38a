import { describe, expect, it } from "vitest";
import { parseOperation } from "./parse-operation.js";
import { toGraphJson } from "./to-graph-json.js";

describe("parseOperation: lenient where Graph is inconsistent", () => {
  it("reads percentages sent as strings, doubles and with a % sign", () => {
    expect(parseOperation({ id: "1", status: "running", percentageComplete: "42" }).percentComplete).toBe(42);
    expect(parseOperation({ status: "inProgress", percentageComplete: 27.8 }).percentComplete).toBe(27.8);
    expect(
      parseOperation({ id: "1", status: "running", progress: "12.5%", userId: "u" }).percentComplete,
    ).toBe(12.5);
  });

  it("reads null, empty strings and error: null as absent", () => {
    const operation = parseOperation({
      id: "1",
      status: "running",
      type: "contentTypeCopy",
      resourceLocation: "",
      resourceId: null,
      statusDetail: null,
      percentageComplete: null,
      createdDateTime: "",
      error: null,
    });
    expect(operation).toStrictEqual({
      kind: "richLongRunningOperation",
      id: "1",
      status: "running",
      rawStatus: "running",
      type: "contentTypeCopy",
      raw: operation.raw,
    });
  });

  it("reads an error that says nothing as no error, and writes it back as received", () => {
    for (const error of [{}, { code: "", message: null, details: [] }]) {
      const operation = parseOperation({ id: "1", status: "succeeded", type: "t", error });
      expect(operation).not.toHaveProperty("error");
      expect(toGraphJson(operation)["error"]).toStrictEqual(error);
    }
    expect(parseOperation({ id: "1", status: "succeeded", attemptsCount: 1, error: {} })).not.toHaveProperty(
      "error",
    );
  });

  it("reads status words in any casing and keeps the raw word", () => {
    const operation = parseOperation({ id: "1", status: "InProgress", attemptsCount: "2" });
    expect(operation).toMatchObject({
      kind: "teamsAsyncOperation",
      status: "running",
      rawStatus: "InProgress",
    });
  });

  it("keeps a status no vocabulary knows as unknownFutureValue, never terminal", () => {
    const operation = parseOperation({ id: "1", status: "Canceling", type: "contentTypeCopy" });
    expect(operation.status).toBe("unknownFutureValue");
    expect(operation.rawStatus).toBe("Canceling");
  });

  it("keeps unknown properties in raw and dates at full precision", () => {
    const payload = {
      "@odata.context": "https://graph.microsoft.com/beta/$metadata#x",
      id: "1",
      status: "running",
      createdDateTime: "2023-06-09T22:50:41.5414467Z",
      statusDetail: "",
      newProperty: { nested: [1, 2] },
    };
    const operation = parseOperation(payload);
    expect(operation.createdDateTime).toBe("2023-06-09T22:50:41.5414467Z");
    expect(operation.raw).toStrictEqual(payload);
  });
});

describe("parseOperation: the flavour mappings", () => {
  it("maps a dataPolicyOperation", () => {
    const operation = parseOperation({
      id: "d007e3da",
      status: "complete",
      progress: 100,
      storageLocation: "https://contoso.blob.core.windows.net/export",
      submittedDateTime: "2024-01-01T00:00:00Z",
      completedDateTime: "2024-01-01T00:10:00.1234567Z",
      userId: "u1",
    });
    expect(operation).toMatchObject({
      kind: "dataPolicyOperation",
      status: "succeeded",
      percentComplete: 100,
      resourceLocation: "https://contoso.blob.core.windows.net/export",
      createdDateTime: "2024-01-01T00:00:00Z",
      lastActionDateTime: "2024-01-01T00:10:00.1234567Z",
    });
  });

  it("maps a printerCreateOperation's status object", () => {
    const operation = parseOperation({
      "@odata.type": "#microsoft.graph.printerCreateOperation",
      id: "f221760a",
      createdDateTime: "2020-06-26T04:20:06.6179384Z",
      status: { state: "succeeded", description: "The printer was registered." },
      printer: { id: "p1" },
    });
    expect(operation).toMatchObject({
      kind: "printerCreateOperation",
      status: "succeeded",
      rawStatus: "succeeded",
      statusDetail: "The printer was registered.",
    });
  });

  it("maps an onenoteOperation's string percentage and error", () => {
    const operation = parseOperation({
      id: "copy-1",
      status: "Failed",
      percentComplete: "50.0",
      error: { code: "20102", message: "The section was not found." },
    });
    expect(operation).toMatchObject({
      kind: "onenoteOperation",
      status: "failed",
      percentComplete: 50,
      error: { code: "20102", message: "The section was not found." },
    });
  });

  it("maps an asyncJobStatus's statusDescription and operation", () => {
    const operation = parseOperation({
      operation: "ItemCopy",
      status: "failed",
      statusDescription: "Name conflict",
    });
    expect(operation).toMatchObject({
      kind: "asyncJobStatus",
      status: "failed",
      statusDetail: "Name conflict",
      type: "ItemCopy",
    });
    expect(operation).not.toHaveProperty("id");
  });

  it("maps an engagementAsyncOperation's operationType and resourceId", () => {
    const operation = parseOperation({
      id: "3a6fdce1",
      status: "succeeded",
      operationType: "createCommunity",
      resourceId: "eyJfdHlwZSI6Ikdyb3VwIiwiaWQiOiIxMTYyNzEwNDIifQ",
      createdDateTime: "2024-01-01T00:00:00Z",
    });
    expect(operation).toMatchObject({
      kind: "engagementAsyncOperation",
      operationType: "createCommunity",
      resourceId: "eyJfdHlwZSI6Ikdyb3VwIiwiaWQiOiIxMTYyNzEwNDIifQ",
    });
  });

  it("normalises a workbookOperation's nested error, unknown inner properties included", () => {
    const operation = parseOperation({
      id: "w1",
      status: "failed",
      error: {
        code: "internalServerError",
        message: "Boom",
        innerError: { code: "x", message: "y", "request-id": "r1", innerError: { code: "z" } },
      },
    });
    expect(operation.error).toStrictEqual({
      code: "internalServerError",
      message: "Boom",
      innerError: { code: "x", message: "y", "request-id": "r1", innerError: { code: "z" } },
    });
  });

  it("normalises a publicError with details and fills a missing code or message with an empty string", () => {
    const operation = parseOperation({
      id: "1",
      status: "failed",
      type: "contentTypeCopy",
      error: {
        message: "Failed",
        target: "",
        details: [{ code: "a", message: "b", target: "c" }, { code: "d" }],
      },
    });
    expect(operation.error).toStrictEqual({
      code: "",
      message: "Failed",
      details: [
        { code: "a", message: "b", target: "c" },
        { code: "d", message: "" },
      ],
    });
  });

  it("reads the payload as the flavour options.kind names", () => {
    const operation = parseOperation(
      { id: "1", status: "running", resourceLocation: "https://x" },
      { kind: "richLongRunningOperation" },
    );
    expect(operation.kind).toBe("richLongRunningOperation");
  });
});
