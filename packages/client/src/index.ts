// The wire contract
export { wireOperationSchema } from "./wire-operation.js";
export type { WireOperation } from "./wire-operation.js";
export { wireTrackingSchema, trackingStates } from "./wire-tracking.js";
export type { WireTracking } from "./wire-tracking.js";
export { readWireOperation, toOperation, wireOperationReadSchema } from "./wire-operation-reader.js";
export type { ReadWireOperation } from "./wire-operation-reader.js";
export { operationListPageSchema } from "./list-page.js";
export type { OperationListPage } from "./list-page.js";
export { adoptRequestSchema } from "./adopt-request.js";
export type { AdoptRequest } from "./adopt-request.js";
export { graphErrorEnvelopeSchema } from "./error-envelope.js";
export type { GraphErrorEnvelope } from "./error-envelope.js";
export { deletedEventDataSchema, operationEventNames } from "./operation-events.js";
export { streamTokenSchema } from "./stream-token.js";
export type { StreamToken } from "./stream-token.js";
export type { DeletedEventData, OperationEventName } from "./operation-events.js";

// Server-Sent Events
export { createEventStreamParser } from "./sse/event-stream-parser.js";
export type { EventStreamHandlers, EventStreamParser, ServerSentEvent } from "./sse/event-stream-parser.js";
export { readEventStream } from "./sse/read-event-stream.js";
export type { StreamSignal } from "./sse/read-event-stream.js";

// The REST client
export { createProxyClient, readStreamEvent } from "./proxy-client.js";
export type {
  AdoptOptions,
  ListedPage,
  ListOptions,
  OperationStreamEvent,
  ProxyClient,
  ProxyClientOptions,
  RequestOptions,
  StreamOptions,
  UnreadableItem,
} from "./proxy-client.js";
export { EventStreamInterruptedError, ProxyResponseError } from "./errors.js";
