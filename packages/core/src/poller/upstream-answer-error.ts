import { UpstreamHttpError } from "../errors/upstream-http-error.js";
import { readGraphErrorEnvelope } from "./graph-error-envelope.js";
import type { TransportResponse } from "./transport.js";

/** Statuses worth another try: the service was busy or briefly broken. */
const transientStatuses: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** The error for an answer nobody can use, with the code and message of Graph's envelope when it has one. */
export function upstreamAnswerError(
  url: string,
  response: TransportResponse,
  retryAfterMs: number | undefined,
): UpstreamHttpError {
  const envelope = readGraphErrorEnvelope(response.body);
  return new UpstreamHttpError({
    url,
    httpStatus: response.status,
    transient: transientStatuses.has(response.status),
    retryAfterMs,
    graphErrorCode: envelope.code,
    graphErrorMessage: envelope.message,
  });
}
