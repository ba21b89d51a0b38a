import { isErrorClass, LroError } from "@lro/core";

/**
 * The base of the errors the proxy answers with. `code` is the Graph error code of the answer; the HTTP
 * status comes from the table in `error-status.ts`, so a class never picks its own status.
 * `innerError` holds structured, non-secret fields that go into the envelope's `innerError`.
 */
export abstract class ProxyError extends LroError {
  readonly innerError: Record<string, unknown>;

  constructor(message: string, options: { cause?: unknown; innerError?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause });
    this.innerError = options.innerError ?? {};
  }

  static override isInstance = isErrorClass<ProxyError>("ProxyError");
}
