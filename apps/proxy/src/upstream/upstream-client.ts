import type { Readable } from "node:stream";
import { Agent, errors as undiciErrors, fetch as undiciFetch, type Dispatcher } from "undici";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";
import { ProxyError } from "../http-errors/proxy-error.js";
import {
  ClientGoneError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "../http-errors/upstream-errors.js";
import type { ProxyMetrics } from "../observability/metrics.js";
import type { EgressPolicy } from "../security/egress-policy.js";

/** What an upstream call is for; a label of the upstream metrics. */
export type UpstreamTarget = "forward" | "monitor" | "notification";

export interface UpstreamRequest {
  url: URL;
  method: string;
  headers: Record<string, string | string[]>;
  body?: Readable | undefined;
  signal?: AbortSignal | undefined;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as it arrives; consume or `destroy()` it. */
  body: Readable & { dump(): Promise<void> };
}

/**
 * The HTTP client of every upstream call: keep-alive connections, a timeout on connecting, on the
 * answer's headers and between body chunks, redirects never followed (a 3xx is an answer like any
 * other), and the egress policy's lookup on every new connection.
 */
export interface UpstreamClient {
  request(request: UpstreamRequest, target: UpstreamTarget): Promise<UpstreamResponse>;
  /** A `fetch` through the same connections and checks (redirects are answered, not followed) for @lro/core's transport. */
  fetch: typeof globalThis.fetch;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

export interface UpstreamClientOptions {
  egress: EgressPolicy;
  metrics: ProxyMetrics;
  timeoutMs: number;
}

export function createUpstreamClient({ egress, metrics, timeoutMs }: UpstreamClientOptions): UpstreamClient {
  const dispatcher = new Agent({
    connect: { lookup: egress.lookup, timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 30_000,
  });

  const recordFailure = (target: UpstreamTarget, error: unknown): Error => {
    const translated = translateError(error);
    metrics.upstreamErrors.inc({ target, reason: translated.code });
    if (EgressDeniedError.isInstance(translated)) metrics.egressDenied.inc({ target });
    return translated;
  };

  return {
    dispatcher,
    async request({ url, method, headers, body, signal }, target) {
      const stopTimer = metrics.upstreamDuration.startTimer({ target, method });
      try {
        const answer = await dispatcher.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: method as Dispatcher.HttpMethod,
          headers,
          body: body ?? null,
          signal,
        });
        stopTimer();
        if (answer.statusCode >= 500 || answer.statusCode === 429) {
          metrics.upstreamErrors.inc({ target, reason: `http${answer.statusCode}` });
        }
        return { status: answer.statusCode, headers: answer.headers, body: answer.body };
      } catch (error) {
        if (signal?.aborted === true) {
          throw new ClientGoneError("The client went away before the upstream answered.", { cause: error });
        }
        throw recordFailure(target, error);
      }
    },
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const method = init?.method ?? (input instanceof Request ? input.method : "GET");
      const target: UpstreamTarget = method === "POST" ? "notification" : "monitor";
      try {
        egress.assertOriginAllowed(url);
      } catch (error) {
        throw recordFailure(target, error);
      }
      const stopTimer = metrics.upstreamDuration.startTimer({ target, method });
      try {
        const response = await undiciFetch(input as never, {
          ...(init as object),
          dispatcher,
          redirect: "manual",
        });
        stopTimer();
        if (response.status >= 500 || response.status === 429) {
          metrics.upstreamErrors.inc({ target, reason: `http${response.status}` });
        }
        return response as unknown as Response;
      } catch (error) {
        // Aborted by its caller (a poll stopped at shutdown, a request whose client left): not the upstream's failure.
        if (init?.signal?.aborted === true) throw error;
        throw recordFailure(target, (error as { cause?: unknown }).cause ?? error);
      }
    }) as typeof globalThis.fetch,
    close: () => dispatcher.close(),
  };
}

function translateError(error: unknown): ProxyError {
  if (ProxyError.isInstance(error)) return error;
  if (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new UpstreamTimeoutError(`The upstream did not answer in time: ${error.message}.`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamUnavailableError(`The upstream cannot be reached: ${message}.`, { cause: error });
}
