import { LroError, isErrorClass } from "./lro-error.js";

/**
 * An answer's body grew past the transport's `maxResponseBytes`: the read stopped there and the
 * connection was dropped, so nothing beyond the limit was buffered. Not transient: a monitor that
 * answers this much is broken or hostile, and asking again would read as much again.
 */
export class ResponseTooLargeError extends LroError {
  readonly code = "responseTooLarge";
  readonly url: string;
  readonly method: string;
  /** The limit in bytes (`maxResponseBytes`). */
  readonly maxBytes: number;
  /** Bytes received when the read stopped (or the Content-Length announced, when that alone was over). */
  readonly receivedBytes: number;
  readonly transient = false;

  constructor(
    fields: { url: string; method: string; maxBytes: number; receivedBytes: number },
    options?: { cause?: unknown },
  ) {
    super(
      `${fields.method} ${fields.url} answered more than ${fields.maxBytes} bytes (read stopped at ` +
        `${fields.receivedBytes}); a status monitor's answer is a small JSON object, so the answer was ` +
        "dropped: raise the transport's maxResponseBytes if this monitor is known to send more",
      options,
    );
    this.url = fields.url;
    this.method = fields.method;
    this.maxBytes = fields.maxBytes;
    this.receivedBytes = fields.receivedBytes;
  }

  static override isInstance = isErrorClass<ResponseTooLargeError>("ResponseTooLargeError");
}
