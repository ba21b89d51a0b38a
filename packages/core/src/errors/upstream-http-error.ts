import { LroError, isErrorClass } from "./lro-error.js";

/** An HTTP answer the poller cannot use. `transient` errors (408, 429, 500, 502, 503, 504) are retried. */
export class UpstreamHttpError extends LroError {
  readonly code = "upstreamHttp";
  readonly url: string;
  readonly httpStatus: number;
  readonly transient: boolean;
  /** The answer's Retry-After in milliseconds, when it carried one. */
  readonly retryAfterMs: number | undefined;
  /** `error.code` of Graph's error envelope, when the body carried one. */
  readonly graphErrorCode: string | undefined;

  constructor(
    fields: {
      url: string;
      httpStatus: number;
      transient: boolean;
      retryAfterMs?: number | undefined;
      graphErrorCode?: string | undefined;
      graphErrorMessage?: string | undefined;
    },
    options?: { cause?: unknown },
  ) {
    const graph = fields.graphErrorCode
      ? ` (${fields.graphErrorCode}${fields.graphErrorMessage ? `: ${fields.graphErrorMessage}` : ""})`
      : "";
    // The poller retries a transient monitor answer, but never the request that starts an operation.
    const advice = fields.transient
      ? "a transient failure, worth another try after its Retry-After or a backoff"
      : "not worth another try as it is";
    super(`${fields.url} answered HTTP ${fields.httpStatus}${graph}; ${advice}`, options);
    this.url = fields.url;
    this.httpStatus = fields.httpStatus;
    this.transient = fields.transient;
    this.retryAfterMs = fields.retryAfterMs;
    this.graphErrorCode = fields.graphErrorCode;
  }

  static override isInstance = isErrorClass<UpstreamHttpError>("UpstreamHttpError");
}
