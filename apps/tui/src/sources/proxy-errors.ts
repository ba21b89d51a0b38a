/** The proxy answered a request with an error status. `fatal` when retrying cannot help (bad key, bad address). */
export class ProxyResponseError extends Error {
  readonly code = "PROXY_RESPONSE";

  constructor(
    readonly url: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${url} answered ${status}${detail === "" ? "" : `: ${detail}`}`);
    this.name = "ProxyResponseError";
  }

  get fatal(): boolean {
    return this.status === 400 || this.status === 401 || this.status === 403 || this.status === 404;
  }
}

/** The event stream ended or went silent; the source reconnects. */
export class EventStreamInterruptedError extends Error {
  readonly code = "EVENT_STREAM_INTERRUPTED";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EventStreamInterruptedError";
  }
}

/** A short reason for the header: what went wrong, without stack or secrets. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
