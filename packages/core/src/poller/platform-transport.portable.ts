import { createFetchTransport } from "./fetch-transport.js";
import type { Transport } from "./transport.js";

export interface PlatformTransportOptions {
  connections: number;
  keepAliveTimeout: number;
  requestTimeout: number;
  maxResponseBytes: number;
}

/**
 * The default transport everywhere but Node (browsers, workers, edge runtimes; the package's `default`
 * condition): the global `fetch`, which keeps connections alive itself.
 */
export function createPlatformTransport(options: PlatformTransportOptions): Transport {
  return createFetchTransport({
    // Looked up at each request, so a fetch installed after the transport was made is the one used.
    fetch: (input, init) => globalThis.fetch(input, init),
    requestTimeout: options.requestTimeout,
    maxResponseBytes: options.maxResponseBytes,
  });
}
