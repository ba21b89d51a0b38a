import type { IncomingMessage, ServerResponse } from "node:http";

/** What a browser may read of an answer besides the CORS-safelisted headers: what a poller needs. */
const exposedHeaders = [
  "Location",
  "Operation-Location",
  "Content-Location",
  "Retry-After",
  "ETag",
  "request-id",
  "client-request-id",
].join(", ");

const preflightMaxAgeSeconds = "600";

/**
 * Answers CORS as Graph does, so a page on any origin can start and poll operations: every answer allows
 * the caller's origin and exposes the headers a poller reads; a preflight (OPTIONS with
 * Access-Control-Request-Method) is answered here with 204, allowing the method and headers asked for
 * (Authorization and the scenario header included). Returns true when the request was a preflight.
 */
export function answerCors(request: IncomingMessage, response: ServerResponse): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  response.setHeader("access-control-allow-origin", origin);
  response.setHeader("vary", "Origin");
  response.setHeader("access-control-expose-headers", exposedHeaders);
  const method = request.headers["access-control-request-method"];
  if (request.method !== "OPTIONS" || method === undefined) return false;
  response.setHeader("access-control-allow-methods", method);
  const headers = request.headers["access-control-request-headers"];
  if (headers !== undefined) response.setHeader("access-control-allow-headers", headers);
  response.setHeader("access-control-max-age", preflightMaxAgeSeconds);
  response.writeHead(204).end();
  return true;
}
