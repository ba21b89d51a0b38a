import { isErrorClass } from "@lro/core";
import { ProxyError } from "./proxy-error.js";

/** The request is malformed; the message says what is wrong and what is accepted. */
export class BadRequestError extends ProxyError {
  readonly code = "invalidRequest";
  static override isInstance = isErrorClass<BadRequestError>("BadRequestError");
}

/** No such resource, or it belongs to another identity (the two are not told apart). */
export class NotFoundError extends ProxyError {
  readonly code = "itemNotFound";
  static override isInstance = isErrorClass<NotFoundError>("NotFoundError");
}

/** The request body is larger than the configured limit. */
export class PayloadTooLargeError extends ProxyError {
  readonly code = "payloadTooLarge";
  static override isInstance = isErrorClass<PayloadTooLargeError>("PayloadTooLargeError");

  constructor(readonly limitBytes: number) {
    super(`The request body is larger than the limit of ${limitBytes} bytes (setting --body-limit).`, {
      innerError: { limitBytes },
    });
  }
}

/** The path exists, the method does not; `allow` lists the methods it answers (sent as `Allow`). */
export class MethodNotAllowedError extends ProxyError {
  readonly code = "methodNotAllowed";
  static override isInstance = isErrorClass<MethodNotAllowedError>("MethodNotAllowedError");

  constructor(
    method: string,
    readonly allow: readonly string[],
  ) {
    super(`${method} is not allowed here; allowed: ${allow.join(", ")}.`, {
      innerError: { allow: [...allow] },
    });
  }
}

/** The request body is of a type the endpoint does not read. */
export class UnsupportedMediaTypeError extends ProxyError {
  readonly code = "unsupportedMediaType";
  static override isInstance = isErrorClass<UnsupportedMediaTypeError>("UnsupportedMediaTypeError");
}
