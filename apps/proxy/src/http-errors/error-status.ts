/**
 * The one table from an error's stable `code` to the HTTP status the proxy answers with. Codes of the
 * proxy's own errors and of @lro/core's errors that reach a client; anything else is a 500.
 */
export const statusByErrorCode: Readonly<Record<string, number>> = {
  invalidRequest: 400,
  unauthenticated: 401,
  egressDenied: 403,
  itemNotFound: 404,
  methodNotAllowed: 405,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  tooManyRequests: 429,
  tooManyOperations: 429,
  tooManyOpenRequests: 429,
  requestHeaderFieldsTooLarge: 431,
  // nginx's "client closed request": never sent (the client is gone), only logged.
  clientClosedRequest: 499,
  badGateway: 502,
  gatewayTimeout: 504,
  // @lro/core errors, should one reach a client (their codes are core's own)
  operation_validation: 502,
  operation_not_found: 404,
  monitor_authorization: 403,
  missing_monitor: 502,
  upstream_http: 502,
  transport: 502,
  poll_timeout: 504,
  invalid_resume_token: 400,
};

/** Errors of Express and its body parsers carry a `type`; they map to the same envelope. */
export const statusByExpressErrorType: Readonly<Record<string, { status: number; code: string }>> = {
  "entity.too.large": { status: 413, code: "payloadTooLarge" },
  "entity.parse.failed": { status: 400, code: "invalidRequest" },
  "encoding.unsupported": { status: 415, code: "unsupportedMediaType" },
  "charset.unsupported": { status: 415, code: "unsupportedMediaType" },
  "request.aborted": { status: 400, code: "invalidRequest" },
};
