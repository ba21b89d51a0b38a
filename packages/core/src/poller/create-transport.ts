import { createPlatformTransport } from "#platform-transport";
import { createFetchTransport } from "./fetch-transport.js";
import type { Transport } from "./transport.js";
import { createUndiciTransport } from "./undici-transport.js";
import type { UndiciDispatcher } from "./undici-transport.js";

export interface TransportOptions {
  /** Send through this `fetch` instead of the platform's default (e.g. a wrapper with tracing). */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Send through this undici dispatcher (an `Agent`, `Pool`, `ProxyAgent` or `MockAgent` of undici 7 or
   * 8) instead of the default keep-alive `Agent`. Its own timeouts then apply; `close()` closes it.
   */
  dispatcher?: UndiciDispatcher | undefined;
  /** Connections kept per origin (Node's default undici pool only). Default 128. */
  connections?: number | undefined;
  /** How long an idle connection is kept, in ms (Node's default undici pool only). Default 30,000. */
  keepAliveTimeout?: number | undefined;
  /** How long to wait for an answer before it counts as a transient transport failure, in ms. Default 30,000. */
  requestTimeout?: number | undefined;
  /**
   * The most bytes of an answer's body that are read: past it the request ends with
   * `ResponseTooLargeError` and nothing more is buffered. Default 1 MiB (1,048,576).
   */
  maxResponseBytes?: number | undefined;
}

/** The default `maxResponseBytes`: 1 MiB, far above any status monitor's answer. */
export const defaultMaxResponseBytes = 1_048_576;

function checkedLimit(value: number | undefined): number {
  if (value === undefined) return defaultMaxResponseBytes;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`maxResponseBytes must be a whole number of bytes, 0 or more; received ${value}`);
  return value;
}

/**
 * An HTTP transport for the poller. On Node, undici's dispatcher over a keep-alive pool by default (the
 * cheapest in CPU per poll); elsewhere (browsers, workers, edge runtimes) the global `fetch`; or any
 * `fetch` or undici dispatcher you give. Redirects are never followed: a monitor's 303 is an answer.
 * Answers over `maxResponseBytes` end with `ResponseTooLargeError`.
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const requestTimeout = options.requestTimeout ?? 30_000;
  const maxResponseBytes = checkedLimit(options.maxResponseBytes);
  if (options.fetch) return createFetchTransport({ fetch: options.fetch, requestTimeout, maxResponseBytes });
  if (options.dispatcher) return createUndiciTransport({ dispatcher: options.dispatcher, maxResponseBytes });
  return createPlatformTransport({
    connections: options.connections ?? 128,
    keepAliveTimeout: options.keepAliveTimeout ?? 30_000,
    requestTimeout,
    maxResponseBytes,
  });
}

let shared: Transport | undefined;

/** The transport used when none is given: one keep-alive pool for the whole process. */
export function defaultTransport(): Transport {
  shared ??= createTransport();
  return shared;
}
