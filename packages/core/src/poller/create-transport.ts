import { createFetchTransport } from "./fetch-transport.js";
import type { Transport } from "./transport.js";
import { createUndiciTransport } from "./undici-transport.js";

export interface TransportOptions {
  /** Send through this `fetch` instead of undici's keep-alive pool (e.g. `globalThis.fetch`). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Connections kept per origin (undici pool only). Default 128. */
  connections?: number | undefined;
  /** How long an idle connection is kept, in ms (undici pool only). Default 30,000. */
  keepAliveTimeout?: number | undefined;
  /** How long to wait for an answer before it counts as a transient transport failure, in ms. Default 30,000. */
  requestTimeout?: number | undefined;
}

/**
 * An HTTP transport for the poller: undici's dispatcher API over a keep-alive pool by default (the
 * cheapest in CPU per poll), or any `fetch`. Redirects are never followed: a monitor's 303 is an answer.
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const requestTimeout = options.requestTimeout ?? 30_000;
  if (options.fetch) return createFetchTransport({ fetch: options.fetch, requestTimeout });
  return createUndiciTransport({
    connections: options.connections ?? 128,
    keepAliveTimeout: options.keepAliveTimeout ?? 30_000,
    requestTimeout,
  });
}

let shared: Transport | undefined;

/** The transport used when none is given: one keep-alive pool for the whole process. */
export function defaultTransport(): Transport {
  shared ??= createTransport();
  return shared;
}
