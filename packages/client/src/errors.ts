import { isErrorClass, LroError } from "@lro/core";
import { graphErrorEnvelopeSchema, type GraphErrorEnvelope } from "./error-envelope.js";

/**
 * The proxy answered with an error status. `envelope` is its Graph error body when it sent one;
 * `requestId` the proxy's `request-id` (what its logs know the request by). `fatal` when retrying the
 * same request cannot help (bad key, bad request, no such operation).
 */
export class ProxyResponseError extends LroError {
  readonly code = "proxyResponse";

  constructor(
    readonly url: string,
    readonly status: number,
    readonly detail: string,
    readonly envelope?: GraphErrorEnvelope,
    readonly requestId?: string,
  ) {
    super(`${url} answered ${status}${detail === "" ? "" : `: ${detail}`}`);
  }

  get fatal(): boolean {
    return this.status === 400 || this.status === 401 || this.status === 403 || this.status === 404;
  }

  /** Whether `value` is one, also across copies of this package. */
  static override isInstance = isErrorClass<ProxyResponseError>("ProxyResponseError");

  /** Reads an error answer into an error (consumes its body). */
  static async of(url: string, response: Response): Promise<ProxyResponseError> {
    const text = await response.text().catch(() => "");
    let envelope: GraphErrorEnvelope | undefined;
    let message: string | undefined;
    try {
      const body = JSON.parse(text) as { error?: { message?: unknown } } | null;
      const parsed = graphErrorEnvelopeSchema.safeParse(body);
      if (parsed.success) envelope = parsed.data;
      if (typeof body?.error?.message === "string") message = body.error.message;
    } catch {
      // not JSON: the text itself is the detail
    }
    const detail = message ?? text.slice(0, 200);
    return new ProxyResponseError(
      url,
      response.status,
      detail,
      envelope,
      response.headers.get("request-id") ?? undefined,
    );
  }
}

/** An event stream ended or broke; a follower reconnects and resumes with `Last-Event-ID`. */
export class EventStreamInterruptedError extends LroError {
  readonly code = "eventStreamInterrupted";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  /** Whether `value` is one, also across copies of this package. */
  static override isInstance = isErrorClass<EventStreamInterruptedError>("EventStreamInterruptedError");
}
