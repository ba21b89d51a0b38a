import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

export interface FetchTransportOptions {
  fetch: typeof globalThis.fetch;
  /** How long to wait for the whole answer (ms). */
  requestTimeout: number;
}

/** A transport over any WHATWG `fetch` (the global one, or a wrapper with its own tracing or proxy). */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const timeout = AbortSignal.timeout(options.requestTimeout);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      const response = await options.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        redirect: "manual",
      });
      const body = await response.text();
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, body };
    },
    close: async () => {},
  };
}
