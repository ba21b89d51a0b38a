import { Agent } from "undici";
import type { Transport } from "./transport.js";
import { createUndiciTransport } from "./undici-transport.js";

export interface PlatformTransportOptions {
  connections: number;
  keepAliveTimeout: number;
  requestTimeout: number;
  maxResponseBytes: number;
}

/**
 * Node's default transport (the package's `node` condition): undici's dispatcher over a keep-alive
 * `Agent`, the cheapest in CPU per poll.
 */
export function createPlatformTransport(options: PlatformTransportOptions): Transport {
  const dispatcher = new Agent({
    connections: options.connections,
    keepAliveTimeout: options.keepAliveTimeout,
    headersTimeout: options.requestTimeout,
    bodyTimeout: options.requestTimeout,
  });
  return createUndiciTransport({ dispatcher, maxResponseBytes: options.maxResponseBytes });
}
