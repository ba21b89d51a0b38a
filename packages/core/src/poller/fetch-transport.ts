import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

export interface FetchTransportOptions {
  fetch: typeof globalThis.fetch;
  /** How long to wait for the whole answer (ms). */
  requestTimeout: number;
  /** The most bytes of an answer's body read before the request ends with `ResponseTooLargeError`. */
  maxResponseBytes: number;
}

const utf8 = new TextDecoder();

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * The body read chunk by chunk with a byte count: past `maxBytes` the stream is cancelled and the request
 * aborted, so a monitor that streams without end costs at most the limit.
 */
async function readCappedBody(
  response: Response,
  request: TransportRequest,
  maxBytes: number,
  stop: AbortController,
): Promise<string> {
  const tooLarge = (receivedBytes: number) =>
    new ResponseTooLargeError({ url: request.url.href, method: request.method, maxBytes, receivedBytes });
  const announced = Number(response.headers.get("content-length"));
  if (announced > maxBytes) {
    const error = tooLarge(announced);
    stop.abort(error);
    throw error;
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      const error = tooLarge(size);
      await reader.cancel(error).catch(() => {});
      stop.abort(error);
      throw error;
    }
    chunks.push(value);
  }
  return size === 0 ? "" : utf8.decode(joined(chunks, size));
}

function readHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return headers;
}

/**
 * A transport over any WHATWG `fetch` (the global one, or a wrapper with its own tracing or proxy). In a
 * browser, fetch hides a redirect (`redirect: "manual"` gives an opaque answer): it reads as a 303 without
 * a Location, which the poller reports as an answer it cannot use.
 */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const stop = new AbortController();
      const signals = [stop.signal, AbortSignal.timeout(options.requestTimeout)];
      if (request.signal) signals.push(request.signal);
      const response = await options.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: AbortSignal.any(signals),
        redirect: "manual",
      });
      if (response.type === "opaqueredirect") return { status: 303, headers: {}, body: "" };
      const body = await readCappedBody(response, request, options.maxResponseBytes, stop);
      return { status: response.status, headers: readHeaders(response), body };
    },
    close: async () => {},
  };
}
