import { schemaRef } from "./component-schemas.js";
import { headerRef, ownAnswerHeaders, responseRef } from "./openapi-components.js";

/** The open endpoints: no credentials (they carry no client data). */
export function servicePaths() {
  const open = { security: [] };
  return {
    "/healthz": {
      get: {
        ...open,
        operationId: "getHealth",
        tags: ["service"],
        summary: "Liveness: the process answers",
        responses: {
          "200": {
            description: "Alive.",
            headers: ownAnswerHeaders,
            content: { "application/json": { schema: schemaRef("Health") } },
          },
        },
      },
    },
    "/readyz": {
      get: {
        ...open,
        operationId: "getReadiness",
        tags: ["service"],
        summary: "Readiness: the store answers, the tracker runs, the proxy is not shutting down",
        responses: {
          "200": {
            description: "Ready.",
            headers: ownAnswerHeaders,
            content: { "application/json": { schema: schemaRef("Readiness") } },
          },
          "503": {
            description: "Not ready: `checks` says what is not `ok`.",
            headers: ownAnswerHeaders,
            content: { "application/json": { schema: schemaRef("Readiness") } },
          },
        },
      },
    },
    "/metrics": {
      get: {
        ...open,
        operationId: "getMetrics",
        tags: ["service"],
        summary: "Prometheus metrics",
        responses: {
          "200": {
            description: "The Prometheus text exposition format.",
            headers: ownAnswerHeaders,
            content: { "text/plain": { schema: { type: "string" } } },
          },
        },
      },
    },
    "/openapi.json": {
      get: {
        ...open,
        operationId: "getOpenApiDocument",
        tags: ["service"],
        summary: "This document, its servers under the proxy's public URL",
        responses: {
          "200": {
            description: "The OpenAPI 3.1 document.",
            headers: ownAnswerHeaders,
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    },
  };
}

/** Graph's JSON batching under each forwarding prefix. */
export function batchPaths(servers: readonly { url: string; description: string }[]) {
  return {
    "/$batch": {
      servers,
      post: {
        operationId: "batch",
        tags: ["forwarding"],
        summary: "Graph JSON batching, forwarded; inner 202s become proxy operations",
        description:
          "Forwarded upstream as it came (inner URLs resolve against the batch's version). In the answer, each inner `202` that names a monitor (`Location` or `Operation-Location`) is taken over as a plain `202` is: its `Location` and `Operation-Location` name the proxy's operation, `Upstream-Location` keeps the monitor the upstream named, `Retry-After` is the proxy's, a relative `Content-Location` goes through the proxy. An inner `202` the proxy cannot follow is left as it came, with an `X-Operation-Note` saying why. Other inner answers are untouched; an answer that is not JSON, is compressed or is larger than `--body-limit` is passed through as it came. Any other status is the upstream's own answer.",
        requestBody: {
          required: true,
          content: { "application/json": { schema: schemaRef("BatchRequest") } },
        },
        responses: {
          "200": {
            description: "The inner answers.",
            headers: {
              "request-id": headerRef("RequestId"),
              "Upstream-Request-Id": headerRef("UpstreamRequestId"),
            },
            content: { "application/json": { schema: schemaRef("BatchResponse") } },
          },
          "401": responseRef("Unauthorized"),
          "413": responseRef("PayloadTooLarge"),
          "429": responseRef("TooManyRequests"),
          "502": responseRef("BadGateway"),
          "504": responseRef("GatewayTimeout"),
        },
      },
    },
  };
}
