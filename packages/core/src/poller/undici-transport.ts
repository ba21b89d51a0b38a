import { Agent } from "undici";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

export interface UndiciTransportOptions {
  /** Connections kept per origin. */
  connections: number;
  /** How long an idle connection is kept (ms). */
  keepAliveTimeout: number;
  /** How long to wait for the answer's headers, then its body (ms). */
  requestTimeout: number;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

/** The default transport: undici's dispatcher API over a keep-alive connection pool per origin. */
export function createUndiciTransport(options: UndiciTransportOptions): Transport {
  const agent = new Agent({
    connections: options.connections,
    keepAliveTimeout: options.keepAliveTimeout,
    headersTimeout: options.requestTimeout,
    bodyTimeout: options.requestTimeout,
  });
  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const response = await agent.request({
        origin: request.url.origin,
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method as "GET",
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      });
      const body = await response.body.text();
      return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
    },
    close: () => agent.close(),
  };
}
