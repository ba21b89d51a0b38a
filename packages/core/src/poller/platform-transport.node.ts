// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- undici ships no types for its files, and only a reference brings in the ambient declaration of this one (an import cannot; the emitted .d.ts keeps none)
/// <reference path="./undici-agent-module.d.ts" />
// undici's Agent from its own module: undici's index also loads fetch, WebSocket, EventSource, the cache
// and the mocks (about 100 more modules, and their source kept in memory) that the transport never uses.
import Agent from "undici/lib/dispatcher/agent.js";
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
