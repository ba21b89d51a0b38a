import {
  InvalidResumeTokenError,
  MissingMonitorError,
  MonitorAuthorizationError,
  OperationNotFoundError,
  OperationValidationError,
  PollTimeoutError,
  ResponseTooLargeError,
  TransportError,
  UpstreamHttpError,
  type LroError,
} from "@lro/core";
import { AuthenticationError } from "./authentication-error.js";
import { EgressDeniedError } from "./egress-denied-error.js";
import { RateLimitedError, TooManyOpenRequestsError, TooManyOperationsError } from "./limit-errors.js";
import {
  BadRequestError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from "./request-errors.js";
import { ClientGoneError, UpstreamTimeoutError, UpstreamUnavailableError } from "./upstream-errors.js";

/** An error class as the status table knows it: by its cross-copy `isInstance`. */
export interface StatusOfErrorClass {
  readonly errorClass: { readonly name: string; isInstance(value: unknown): value is LroError };
  readonly status: number;
}

/**
 * The one table from an error's class to the HTTP status the proxy answers with: the proxy's own errors
 * and @lro/core's errors that can reach a client (answered with their own camelCase `code`). Classes are
 * recognised by `isInstance`, never by comparing code strings; anything else is a 500.
 */
export const statusByErrorClass: readonly StatusOfErrorClass[] = [
  { errorClass: BadRequestError, status: 400 },
  { errorClass: AuthenticationError, status: 401 },
  { errorClass: EgressDeniedError, status: 403 },
  { errorClass: NotFoundError, status: 404 },
  { errorClass: MethodNotAllowedError, status: 405 },
  { errorClass: PayloadTooLargeError, status: 413 },
  { errorClass: UnsupportedMediaTypeError, status: 415 },
  { errorClass: RateLimitedError, status: 429 },
  { errorClass: TooManyOperationsError, status: 429 },
  { errorClass: TooManyOpenRequestsError, status: 429 },
  // nginx's "client closed request": never sent (the client is gone), only logged.
  { errorClass: ClientGoneError, status: 499 },
  { errorClass: UpstreamUnavailableError, status: 502 },
  { errorClass: UpstreamTimeoutError, status: 504 },
  // @lro/core's errors, should one reach a client
  { errorClass: InvalidResumeTokenError, status: 400 },
  { errorClass: MonitorAuthorizationError, status: 403 },
  { errorClass: OperationNotFoundError, status: 404 },
  { errorClass: OperationValidationError, status: 502 },
  { errorClass: MissingMonitorError, status: 502 },
  { errorClass: UpstreamHttpError, status: 502 },
  { errorClass: TransportError, status: 502 },
  { errorClass: ResponseTooLargeError, status: 502 },
  { errorClass: PollTimeoutError, status: 504 },
];

/** The status of an error the table knows, with the error narrowed to its class; `undefined` otherwise. */
export function statusOfError(error: unknown): { status: number; error: LroError } | undefined {
  for (const { errorClass, status } of statusByErrorClass) {
    if (errorClass.isInstance(error)) return { status, error };
  }
  return undefined;
}

/** Errors of Express and its body parsers carry a `type`; they map to the same envelope. */
export const statusByExpressErrorType: Readonly<Record<string, { status: number; code: string }>> = {
  "entity.too.large": { status: 413, code: "payloadTooLarge" },
  "entity.parse.failed": { status: 400, code: "invalidRequest" },
  "encoding.unsupported": { status: 415, code: "unsupportedMediaType" },
  "charset.unsupported": { status: 415, code: "unsupportedMediaType" },
  "request.aborted": { status: 400, code: "invalidRequest" },
};
