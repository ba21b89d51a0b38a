import { LroError, isErrorClass } from "./lro-error.js";

/** The request never got an HTTP answer (connection refused or dropped, DNS, timeout). Always transient. */
export class TransportError extends LroError {
  readonly code = "transport";
  readonly url: string;
  readonly method: string;
  readonly transient = true;

  constructor(fields: { url: string; method: string }, options?: { cause?: unknown }) {
    const cause = options?.cause instanceof Error ? `: ${options.cause.message}` : "";
    super(`${fields.method} ${fields.url} got no HTTP answer${cause}`, options);
    this.url = fields.url;
    this.method = fields.method;
  }

  static override isInstance = isErrorClass<TransportError>("TransportError");
}
