import { deleteNote } from "../routes/operations-router.js";
import { schemaRef } from "./component-schemas.js";
import {
  headerRef,
  ownAnswerHeaders,
  parameterRef,
  proxySecurity,
  responseRef,
} from "./openapi-components.js";

const operationContent = { "application/json": { schema: schemaRef("Operation") } };

/** What every request to the resource may be answered with besides its own answers. */
const commonErrors = {
  "401": responseRef("Unauthorized"),
  "429": responseRef("TooManyRequests"),
  "500": responseRef("InternalError"),
};

/** The SSE media type: frames whose `data` is one line of JSON, by event name. */
const eventStreamContent = {
  "text/event-stream": {
    schema: {
      type: "string",
      description:
        'Server-Sent Events. `event: operation` carries the operation\'s JSON (`Operation`), `event: deleted` `{ "id" }` ' +
        "(`DeletedEvent`); each frame's `id:` is the change's version, which `Last-Event-ID` resumes after. " +
        "Comment frames (`: heartbeat`) keep the connection open. A new stream starts with the current state.",
    },
    "x-event-data": { operation: schemaRef("Operation"), deleted: schemaRef("DeletedEvent") },
  },
};

const eventStreamHeaders = {
  "request-id": headerRef("RequestId"),
  "client-request-id": headerRef("ClientRequestId"),
};

/** The path items of the operations resource, relative to each server that serves it. */
export function operationsPaths(servers: readonly { url: string; description: string }[]) {
  return {
    "/operations": {
      servers,
      get: {
        operationId: "listOperations",
        tags: ["operations"],
        summary: "List the caller's operations, newest first",
        parameters: [parameterRef("Top"), parameterRef("SkipToken"), parameterRef("Filter")],
        responses: {
          "200": {
            description: "A page; `@odata.nextLink` is the next one, absent on the last page.",
            headers: ownAnswerHeaders,
            content: { "application/json": { schema: schemaRef("OperationList") } },
          },
          "400": responseRef("BadRequest"),
          ...commonErrors,
        },
      },
      post: {
        operationId: "adoptOperation",
        tags: ["operations"],
        summary: "Follow a monitor the caller already holds",
        description:
          "The proxy follows `monitorUrl` as it follows the 202s it forwards. The caller's Graph token (`Authorization`), when sent, is used for the monitor only where the egress policy allows it for the upstream's origin.",
        parameters: [parameterRef("NotificationUrl")],
        requestBody: {
          required: true,
          content: { "application/json": { schema: schemaRef("AdoptRequest") } },
        },
        responses: {
          "202": {
            description: "The operation, followed from now on.",
            headers: {
              ...ownAnswerHeaders,
              Location: headerRef("Location"),
              "Operation-Location": headerRef("OperationLocation"),
              "Retry-After": headerRef("RetryAfter"),
              ETag: headerRef("ETag"),
            },
            content: operationContent,
          },
          "400": responseRef("BadRequest"),
          "403": responseRef("Forbidden"),
          "413": responseRef("PayloadTooLarge"),
          "415": responseRef("UnsupportedMediaType"),
          ...commonErrors,
        },
      },
    },
    "/operations/{id}": {
      servers,
      parameters: [parameterRef("OperationId")],
      get: {
        operationId: "getOperation",
        tags: ["operations"],
        summary: "Get an operation, optionally waiting for it to end",
        description:
          "Answers 200 while the operation runs too (with `Retry-After`): read `status`. With `Prefer: wait=N` or `?wait=N` the answer waits until the operation ends or N seconds pass.",
        parameters: [parameterRef("Wait"), parameterRef("Prefer"), parameterRef("IfNoneMatch")],
        responses: {
          "200": {
            description: "The operation as it stands.",
            headers: {
              ...ownAnswerHeaders,
              ETag: headerRef("ETag"),
              "Retry-After": headerRef("RetryAfter"),
              Expires: headerRef("Expires"),
              "Preference-Applied": headerRef("PreferenceApplied"),
            },
            content: operationContent,
          },
          "304": {
            description: "Unchanged since the `ETag` sent as `If-None-Match`.",
            headers: { ...ownAnswerHeaders, ETag: headerRef("ETag") },
          },
          "400": responseRef("BadRequest"),
          "404": responseRef("NotFound"),
          ...commonErrors,
        },
      },
      delete: {
        operationId: "deleteOperation",
        tags: ["operations"],
        summary: "Stop following an operation and forget it",
        description: deleteNote,
        responses: {
          "204": {
            description: "Forgotten.",
            headers: { ...ownAnswerHeaders, "X-Operation-Note": headerRef("OperationNote") },
          },
          "404": responseRef("NotFound"),
          ...commonErrors,
        },
      },
    },
    "/operations/{id}/stream-token": {
      servers,
      parameters: [parameterRef("OperationId")],
      post: {
        operationId: "createStreamToken",
        tags: ["events"],
        summary: "Mint a short-lived token that opens this operation's event stream",
        description:
          "For a browser, whose `EventSource` cannot send `X-API-Key`: the token opens `GET /operations/{id}/events?streamToken=…` for this operation only, until it expires (`--stream-token-lifetime`).",
        responses: {
          "200": {
            description: "The token and the events URL that carries it.",
            headers: ownAnswerHeaders,
            content: { "application/json": { schema: schemaRef("StreamToken") } },
          },
          "404": responseRef("NotFound"),
          ...commonErrors,
        },
      },
    },
    "/operations/events": {
      servers,
      get: {
        operationId: "streamEvents",
        tags: ["events"],
        summary: "Stream every change of the caller's operations",
        parameters: [parameterRef("LastEventId"), parameterRef("LastEventIdQuery")],
        responses: {
          "200": { description: "The stream.", headers: eventStreamHeaders, content: eventStreamContent },
          "400": responseRef("BadRequest"),
          ...commonErrors,
        },
      },
    },
    "/operations/{id}/events": {
      servers,
      parameters: [parameterRef("OperationId")],
      get: {
        operationId: "streamOperationEvents",
        tags: ["events"],
        summary: "Stream the changes of one operation",
        description:
          "The stream ends after an `event: deleted`. A browser's `EventSource` opens it with a stream token (`streamToken`) instead of credentials.",
        security: [...proxySecurity, { streamToken: [] }],
        parameters: [parameterRef("LastEventId"), parameterRef("LastEventIdQuery")],
        responses: {
          "200": { description: "The stream.", headers: eventStreamHeaders, content: eventStreamContent },
          "400": responseRef("BadRequest"),
          "404": responseRef("NotFound"),
          ...commonErrors,
        },
      },
    },
  };
}
