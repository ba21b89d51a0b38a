/**
 * The one table from an error's stable `code` to the HTTP status the proxy answers with. Codes of the
 * proxy's own errors and of @lro/core's errors that reach a client; anything else is a 500.
 */
export const statusByErrorCode: Readonly<Record<string, number>> = {
  invalidRequest: 400,
  unauthenticated: 401,
  egressDenied: 403,
  itemNotFound: 404,
  payloadTooLarge: 413,
  tooManyRequests: 429,
  tooManyOperations: 429,
  requestHeaderFieldsTooLarge: 431,
  badGateway: 502,
  gatewayTimeout: 504,
  // @lro/core errors met while adopting a monitor on a client's behalf
  operationValidation: 502,
  operationNotFound: 404,
  monitorAuthorization: 403,
  upstreamHttp: 502,
  transport: 502,
  missingMonitor: 400,
};

/** Errors of Express and its body parsers carry a `type`; they map to the same envelope. */
export const statusByExpressErrorType: Readonly<Record<string, { status: number; code: string }>> = {
  "entity.too.large": { status: 413, code: "payloadTooLarge" },
  "entity.parse.failed": { status: 400, code: "invalidRequest" },
  "encoding.unsupported": { status: 415, code: "invalidRequest" },
  "charset.unsupported": { status: 415, code: "invalidRequest" },
  "request.aborted": { status: 400, code: "invalidRequest" },
};
