import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createOpenApiDocument } from "./openapi-document.js";
import { openApiFile, openApiFileText } from "./write-openapi-file.js";
import { createResponseChecker } from "./test-support/response-checker.js";

const committed = JSON.parse(readFileSync(openApiFile, "utf8")) as Record<string, unknown>;

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document, committed and served alike", async () => {
    const validator = new Validator();
    const result = await validator.validate(committed);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    const served = createOpenApiDocument({
      prefixes: ["/v1.0", "/beta", "/canary"],
      base: "https://lro.example.com/graph",
      version: "9.9.9",
    });
    expect((await new Validator().validate(served)).valid).toBe(true);
    expect(served.servers).toEqual([{ url: "https://lro.example.com/graph", description: "The proxy" }]);
    const operations = (served.paths as Record<string, { servers: { url: string }[] }>)["/operations"];
    expect(operations?.servers.map((server) => server.url)).toEqual([
      "https://lro.example.com/graph",
      "https://lro.example.com/graph/v1.0",
      "https://lro.example.com/graph/beta",
      "https://lro.example.com/graph/canary",
    ]);
  });

  it("is committed as the generator writes it (pnpm --filter lro-proxy openapi)", () => {
    expect(readFileSync(openApiFile, "utf8")).toBe(openApiFileText());
  });

  it("holds the zod schemas as components, each a valid JSON Schema 2020-12 with every reference resolved", () => {
    const schemas = (committed.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas).sort()).toEqual([
      "AdoptRequest",
      "BatchRequest",
      "BatchResponse",
      "DeletedEvent",
      "ErrorResponse",
      "Health",
      "Operation",
      "OperationError",
      "OperationInnerError",
      "OperationKind",
      "OperationList",
      "OperationStatus",
      "OperationTracking",
      "Readiness",
      "StreamToken",
    ]);
    // Compiling every component with Ajv's strict mode fails on an unknown keyword or an unresolved $ref.
    const checker = createResponseChecker(committed);
    for (const id of Object.keys(schemas)) expect(() => checker.problemsOfValue(id, null)).not.toThrow();
    const text = JSON.stringify(committed);
    for (const match of text.matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)) {
      const [, group = "", name = ""] = match;
      expect(
        (committed.components as Record<string, Record<string, unknown>>)[group]?.[name],
        `${group}/${name}`,
      ).toBeDefined();
    }
  });

  it("reads a real operation and refuses one that breaks the contract", () => {
    const checker = createResponseChecker(committed);
    const operation = {
      id: "abc",
      status: "failed",
      createdDateTime: "2026-01-01T00:00:00.000Z",
      lastActionDateTime: "2026-01-01T00:00:01.000Z",
      kind: "teamsAsyncOperation",
      upstreamStatus: "failed",
      monitorUrl: "https://graph.microsoft.com/v1.0/teams('a')/operations('b')",
      version: 3,
      error: { code: "Conflict", message: "no", innerError: { code: "x", anything: [1] } },
      tracking: { state: "stopped", reason: "deadlineExceeded" },
    };
    expect(checker.problemsOfValue("Operation", operation)).toEqual([]);
    expect(checker.problemsOfValue("Operation", { ...operation, status: "Completed" })).not.toEqual([]);
    expect(checker.problemsOfValue("Operation", { ...operation, extra: 1 })).not.toEqual([]);
    const { version: _version, ...withoutVersion } = operation;
    expect(checker.problemsOfValue("Operation", withoutVersion)).not.toEqual([]);
  });

  it("describes every route of the operations resource, the streams, batching and the open endpoints", () => {
    const paths = committed.paths as Record<
      string,
      Record<string, { operationId?: string; security?: unknown[] }>
    >;
    const routes = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ["get", "post", "delete", "head", "put", "patch"].includes(method))
        .map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`),
    );
    expect(routes.sort()).toEqual([
      "DELETE /operations/{id} deleteOperation",
      "GET /healthz getHealth",
      "GET /metrics getMetrics",
      "GET /openapi.json getOpenApiDocument",
      "GET /operations listOperations",
      "GET /operations/events streamEvents",
      "GET /operations/{id} getOperation",
      "GET /operations/{id}/events streamOperationEvents",
      "GET /readyz getReadiness",
      "POST /$batch batch",
      "POST /operations adoptOperation",
      "POST /operations/{id}/stream-token createStreamToken",
    ]);
    for (const open of ["/healthz", "/readyz", "/metrics", "/openapi.json"]) {
      expect(paths[open]?.get?.security).toEqual([]);
    }
  });
});
