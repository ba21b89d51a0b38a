import { maxPageSize, defaultPageSize } from "../wire/list-query.js";
import { supportedFilter } from "../wire/odata-filter.js";
import { schemaRef, type JsonSchema } from "./component-schemas.js";

const text = { type: "string" } as const;

function header(description: string, schema: JsonSchema = text, required = false) {
  return { description, ...(required ? { required } : {}), schema };
}

/** `components.headers`: every header the proxy's own answers carry, by what it means. */
export const headers = {
  RequestId: header(
    "The proxy's own id of this request (a UUID), also in an error's `innerError`; Graph's own is `Upstream-Request-Id`.",
    { type: "string", format: "uuid" },
    true,
  ),
  ClientRequestId: header(
    "The caller's `client-request-id`, echoed when it is a token of at most 128 letters, digits and `_.:@-`.",
  ),
  Location: header(
    "The proxy's operation, absolute under the public URL (`--public-url`), under the prefix the request came through.",
    { type: "string", format: "uri" },
    true,
  ),
  OperationLocation: header(
    "The same address as `Location`: the status monitor by the Azure convention, followed by generic pollers.",
    { type: "string", format: "uri" },
    true,
  ),
  RetryAfter: header("Seconds until the proxy polls the operation next (at least 1).", {
    type: "string",
    pattern: "^[0-9]+$",
  }),
  ETag: header(
    "A weak validator of the operation's JSON; send it as `If-None-Match` to get a 304 while it is unchanged.",
    {
      type: "string",
      pattern: '^W/".+"$',
    },
  ),
  Expires: header("When the proxy forgets an operation that ended (an HTTP-date)."),
  PreferenceApplied: header("`wait=<seconds>`: the wait the proxy honoured (at most its longest wait).", {
    type: "string",
    pattern: "^wait=[0-9]+$",
  }),
  CacheControl: header(
    "`private, no-store`: every answer of the proxy's own is one client's, never cached.",
    {
      type: "string",
      const: "private, no-store",
    },
  ),
  UpstreamLocation: header(
    "The monitor the upstream named in its `202` (`Operation-Location`, else `Location`), as it wrote it.",
  ),
  UpstreamRequestId: header("The upstream's `request-id` (what Microsoft support asks for)."),
  ContentLocation: header(
    "The upstream's `Content-Location`: the resource being made, versioned and through the proxy when the upstream wrote it relative.",
  ),
  DiagnosticHeader: header("The upstream's `x-ms-ags-diagnostic`, as it came."),
  OperationNote: header("A note on what the request did (`DELETE`: the work goes on upstream)."),
  Allow: header("The methods the path answers, e.g. `GET, HEAD, DELETE`."),
  WwwAuthenticate: header('`Bearer realm="lro-proxy"`.'),
} as const;

const ref = (group: string, name: string) => ({ $ref: `#/components/${group}/${name}` });
export const headerRef = (name: keyof typeof headers) => ref("headers", name);

/** The headers on every answer of the proxy's own. */
export const ownAnswerHeaders = {
  "request-id": headerRef("RequestId"),
  "client-request-id": headerRef("ClientRequestId"),
  "Cache-Control": headerRef("CacheControl"),
};

const errorContent = { "application/json": { schema: schemaRef("ErrorResponse") } };

function errorResponse(description: string, extraHeaders: Record<string, unknown> = {}) {
  return { description, headers: { ...ownAnswerHeaders, ...extraHeaders }, content: errorContent };
}

/** `components.responses`: Graph's error envelope for every error status the proxy answers with. */
export const responses = {
  BadRequest: errorResponse("A malformed request: the message says what was wrong (`invalidRequest`)."),
  Unauthorized: errorResponse("No valid credentials for the proxy (`unauthenticated`).", {
    "WWW-Authenticate": headerRef("WwwAuthenticate"),
  }),
  Forbidden: errorResponse("An address the egress policy does not allow (`egressDenied`)."),
  NotFound: errorResponse(
    "No such operation for this client: it never existed, expired, was deleted or belongs to another client (`itemNotFound`).",
  ),
  MethodNotAllowed: errorResponse("The path does not answer this method (`methodNotAllowed`).", {
    Allow: headerRef("Allow"),
  }),
  PayloadTooLarge: errorResponse("The body is larger than `--body-limit` (`payloadTooLarge`)."),
  UnsupportedMediaType: errorResponse("The body is not JSON (`unsupportedMediaType`)."),
  TooManyRequests: errorResponse(
    "The client's rate limit, its number of operations, open streams or waiting requests is reached.",
    { "Retry-After": headerRef("RetryAfter") },
  ),
  BadGateway: errorResponse("The upstream could not be reached, or its answer could not be read."),
  GatewayTimeout: errorResponse("The upstream did not answer in time."),
  InternalError: errorResponse("The proxy failed (`generalException`)."),
} as const;
export const responseRef = (name: keyof typeof responses) => ref("responses", name);

/** `components.parameters`. */
export const parameters = {
  OperationId: {
    name: "id",
    in: "path",
    required: true,
    description: "The proxy's id of the operation.",
    schema: { type: "string", minLength: 1 },
  },
  Top: {
    name: "$top",
    in: "query",
    description: `Page size, 0 to ${maxPageSize} (default ${defaultPageSize}); newest first.`,
    schema: { type: "integer", minimum: 0, maximum: maxPageSize, default: defaultPageSize },
  },
  SkipToken: {
    name: "$skiptoken",
    in: "query",
    description: "The cursor of the next page, as `@odata.nextLink` carries it.",
    schema: text,
  },
  Filter: {
    name: "$filter",
    in: "query",
    description: supportedFilter,
    schema: text,
  },
  Wait: {
    name: "wait",
    in: "query",
    description:
      "Seconds to wait for the operation to end before answering (capped); wins over `Prefer: wait`.",
    schema: { type: "integer", minimum: 0 },
  },
  Prefer: {
    name: "Prefer",
    in: "header",
    description: "`wait=<seconds>` (RFC 7240): wait for the operation to end before answering, capped.",
    schema: text,
  },
  IfNoneMatch: {
    name: "If-None-Match",
    in: "header",
    description: "The `ETag` of an earlier answer: 304 while the operation is unchanged.",
    schema: text,
  },
  LastEventId: {
    name: "Last-Event-ID",
    in: "header",
    description:
      "The `id` of the last event received: the stream replays every change after it, then goes live.",
    schema: { type: "string", pattern: "^[0-9]{1,15}$" },
  },
  LastEventIdQuery: {
    name: "lastEventId",
    in: "query",
    description:
      "As `Last-Event-ID`, for a browser's new `EventSource` (which cannot set headers); the header wins.",
    schema: { type: "string", pattern: "^[0-9]{1,15}$" },
  },
  NotificationUrl: {
    name: "X-Notification-Url",
    in: "header",
    description:
      "An address the proxy POSTs the operation to when it ends (the egress policy must allow it).",
    schema: { type: "string", format: "uri" },
  },
  ClientRequestId: {
    name: "client-request-id",
    in: "header",
    description: "The caller's own request id: echoed, and sent upstream.",
    schema: text,
  },
} as const;
export const parameterRef = (name: keyof typeof parameters) => ref("parameters", name);

/** `components.securitySchemes`: the proxy's own credentials, and the Graph token it passes on. */
export const securitySchemes = {
  apiKey: {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "One of the proxy's API keys (`--api-key`).",
  },
  proxyBearer: {
    type: "apiKey",
    in: "header",
    name: "Proxy-Authorization",
    description:
      "`Bearer <JWT>` from the configured issuer (`--jwt-issuer`, `--jwt-audience`): a header of its own, so that `Authorization` stays the caller's Graph token.",
  },
  streamToken: {
    type: "apiKey",
    in: "query",
    name: "streamToken",
    description:
      "A stream token (`POST /operations/{id}/stream-token`): opens that one operation's event stream, for an `EventSource`, which cannot send headers.",
  },
  graphToken: {
    type: "http",
    scheme: "bearer",
    description:
      "The caller's Microsoft Graph token (`Authorization: Bearer …`), optional: forwarded upstream, and used to poll the monitors of its operations on the hosts allowed to receive it. Kept in memory only.",
  },
} as const;

/** Either proxy credential, each with or without a Graph token. */
export const proxySecurity = [
  { apiKey: [], graphToken: [] },
  { proxyBearer: [], graphToken: [] },
  { apiKey: [] },
  { proxyBearer: [] },
];
