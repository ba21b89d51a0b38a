import { hasErrorCode, ProxyError } from "./proxy-error.js";

/** The request is malformed; the message says what is wrong and what is accepted. */
export class BadRequestError extends ProxyError {
  readonly code = "invalidRequest";
  static override isInstance = hasErrorCode<BadRequestError>("invalidRequest");
}

/** No such resource, or it belongs to another identity (the two are not told apart). */
export class NotFoundError extends ProxyError {
  readonly code = "itemNotFound";
  static override isInstance = hasErrorCode<NotFoundError>("itemNotFound");
}

/** The request body is larger than the configured limit. */
export class PayloadTooLargeError extends ProxyError {
  readonly code = "payloadTooLarge";
  static override isInstance = hasErrorCode<PayloadTooLargeError>("payloadTooLarge");

  constructor(readonly limitBytes: number) {
    super(`The request body is larger than the limit of ${limitBytes} bytes (setting --body-limit).`, {
      innerError: { limitBytes },
    });
  }
}
