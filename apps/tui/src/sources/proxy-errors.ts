import { isErrorClass, TuiError } from "../errors/tui-error.js";

/** The proxy did not answer in time (stopped, overloaded, or a network that drops packets); retried. */
export class ProxyTimeoutError extends TuiError {
  readonly code = "proxyTimeout";

  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`the proxy did not answer within ${timeoutMs / 1000} s (${url})`);
  }

  static override isInstance = isErrorClass<ProxyTimeoutError>("ProxyTimeoutError");
}

/**
 * @lro/client's `ProxyResponseError`, known by its class marker as its own `isInstance` does: importing
 * the client here would load zod for `--help` and every usage error, which only print.
 */
const isProxyResponse = isErrorClass<Error & { status: number; detail: string; url: string }>(
  "ProxyResponseError",
);

/**
 * A short reason for the header: what went wrong, without stack or secrets. An answer of the proxy says
 * its status and reason first and the address last, so a narrow header cuts the address, not the reason.
 */
export function describeFailure(error: unknown): string {
  if (isProxyResponse(error)) {
    return `the proxy answered ${error.status}${error.detail === "" ? "" : `: ${error.detail}`} (${error.url})`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * Runs `work` with a signal that aborts when `signal` does, or when `timeoutMs` has gone by first (then
 * it fails with a `ProxyTimeoutError` naming `url`). The timer stops once `work` settles: a stream's
 * body may be read as long as it lasts.
 */
export async function withRequestTimeout<T>(
  url: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", abort, { once: true });
  if (signal?.aborted === true) abort();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (timedOut) throw new ProxyTimeoutError(url, timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}
