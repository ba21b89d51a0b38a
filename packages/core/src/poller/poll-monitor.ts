import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { TransportError } from "../errors/transport-error.js";
import type { OperationKind } from "../models/operation-kind.js";
import type { Operation } from "../models/operation.js";
import { defaultTransport } from "./create-transport.js";
import type { MonitorAnswer } from "./monitor-answer.js";
import { readMonitorAnswer } from "./read-monitor-answer.js";
import { requestHeaders } from "./request-headers.js";
import type { AuthorizationOptions } from "./request-headers.js";
import type { Transport } from "./transport.js";

export interface PollMonitorOptions extends AuthorizationOptions {
  /** Defaults to one shared undici keep-alive pool (see `createTransport`). */
  transport?: Transport | undefined;
  /** Aborts the request in flight. */
  signal?: AbortSignal | undefined;
  /** Reads the body as this flavour instead of detecting it. */
  kind?: OperationKind | undefined;
  /** The last snapshot: kept for a 202 without a body, and its known fields for a 303 See Other. */
  previous?: Operation | undefined;
  /** The clock for `receivedAt` and HTTP-date Retry-After values (epoch ms). Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** The headers every monitor GET sends (the caller's own go over them). */
export const monitorHeaders: Readonly<Record<string, string>> = {
  accept: "application/json",
  // Graph then sends status values added after the client was written instead of "unknownFutureValue".
  prefer: "include-unknown-enum-members",
};

/**
 * ONE GET of a status monitor, read with Graph's semantics (see `readMonitorAnswer`). The Authorization
 * header goes only to the original request's origin (`requestUrl`; without it, Graph's own origins) and
 * to `trustedOrigins`. Throws `OperationNotFoundError`, `MonitorAuthorizationError`, `UpstreamHttpError`
 * (`transient` for 408/429/5xx, with `retryAfterMs`), `TransportError` (no answer),
 * `ResponseTooLargeError` (an answer over the transport's `maxResponseBytes`) or
 * `OperationValidationError` (a body that is not an operation); an abort rejects with the signal's reason.
 */
export async function pollMonitor(
  monitorUrl: string | URL,
  options: PollMonitorOptions = {},
): Promise<MonitorAnswer> {
  return pollMonitorAt(new URL(monitorUrl), options);
}

/**
 * What a monitor GET that got no answer rejects with: the signal's reason once it aborted, a
 * `ResponseTooLargeError` as it is, anything else as a `TransportError`.
 */
export function unansweredError(cause: unknown, url: URL, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (ResponseTooLargeError.isInstance(cause)) return cause;
  return new TransportError({ url: url.href, method: "GET" }, { cause });
}

/** `pollMonitor` at an address the caller parsed once and never changes (the poll loop's own copy). */
export async function pollMonitorAt(url: URL, options: PollMonitorOptions): Promise<MonitorAnswer> {
  const now = options.now ?? Date.now;
  const transport = options.transport ?? defaultTransport();
  // Without getAuthorization the headers are ready at once: no promise to wait for on every poll.
  const planned = requestHeaders(url, options, monitorHeaders);
  const { headers, authorizationSent } = planned instanceof Promise ? await planned : planned;
  options.signal?.throwIfAborted();
  let response;
  try {
    response = await transport.request({ method: "GET", url, headers, signal: options.signal });
  } catch (cause) {
    throw unansweredError(cause, url, options.signal);
  }
  const context = {
    url,
    receivedAt: now(),
    authorizationSent,
    kind: options.kind,
    previous: options.previous,
  };
  return readMonitorAnswer(response, context);
}
