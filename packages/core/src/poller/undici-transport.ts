import { Agent } from "undici";
import type { Dispatcher } from "undici";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

export interface UndiciTransportOptions {
  /** Connections kept per origin. */
  connections: number;
  /** How long an idle connection is kept (ms). */
  keepAliveTimeout: number;
  /** How long to wait for the answer's headers, then its body (ms). */
  requestTimeout: number;
}

const utf8 = new TextDecoder();

interface Target {
  href: string;
  origin: string;
  path: string;
}

// A poll loop sends every poll to one URL object: its origin and path are worked out once (checked
// against its href, should a caller change the object between requests).
const targets = new WeakMap<URL, Target>();

function targetOf(url: URL): Target {
  const known = targets.get(url);
  if (known !== undefined && known.href === url.href) return known;
  const target = { href: url.href, origin: url.origin, path: `${url.pathname}${url.search}` };
  targets.set(url, target);
  return target;
}

/** undici's raw header list (name, value, name, value...) as lower-case names, repeats joined with ", ". */
function readHeaders(raw: readonly (Buffer | string)[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!.toString("latin1").toLowerCase();
    const value = raw[index + 1]!.toString("latin1");
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/**
 * Collects one answer straight from undici's dispatcher callbacks: no response stream, no body mixin,
 * the body decoded once. Settles once, with the answer or with why there was none.
 */
class AnswerCollector implements Dispatcher.DispatchHandler {
  private status = 0;
  private headers: Record<string, string> = {};
  private readonly chunks: Buffer[] = [];
  private abort: ((reason?: Error) => void) | undefined;
  private aborted: unknown;
  private settled = false;

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly resolve: (response: TransportResponse) => void,
    private readonly reject: (reason: unknown) => void,
  ) {
    signal?.addEventListener("abort", this, { once: true });
  }

  /** The caller's signal aborted: stop the request, or refuse it before it starts. */
  handleEvent(): void {
    this.aborted = this.signal!.reason;
    if (this.abort) this.abort(this.aborted as Error);
    else this.onError(this.aborted as Error);
  }

  onConnect(abort: (reason?: Error) => void): void {
    if (this.aborted !== undefined) return abort(this.aborted as Error);
    this.abort = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    // 1xx informational answers precede the real one.
    if (statusCode < 200) return true;
    this.status = statusCode;
    this.headers = readHeaders(rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.settled) return;
    this.settle();
    const { chunks } = this;
    const body =
      chunks.length === 0 ? "" : utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    this.resolve({ status: this.status, headers: this.headers, body });
  }

  onError(error: Error): void {
    if (this.settled) return;
    this.settle();
    this.reject(this.aborted ?? error);
  }

  private settle(): void {
    this.settled = true;
    this.signal?.removeEventListener("abort", this);
  }
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
    request(request: TransportRequest): Promise<TransportResponse> {
      const { url, signal } = request;
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise((resolve, reject) => {
        const collector = new AnswerCollector(signal, resolve, reject);
        const { origin, path } = targetOf(url);
        const dispatch = {
          origin,
          path,
          method: request.method as Dispatcher.HttpMethod,
          headers: request.headers,
          body: request.body ?? null,
        };
        try {
          agent.dispatch(dispatch, collector);
        } catch (error) {
          collector.onError(error as Error);
        }
      });
    },
    close: () => agent.close(),
  };
}
