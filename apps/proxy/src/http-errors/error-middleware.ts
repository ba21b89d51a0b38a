import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ProxyLogger } from "../observability/logger.js";
import { requestLog } from "../observability/request-logging.js";
import { statusByExpressErrorType, statusOfError } from "./error-status.js";
import { graphErrorEnvelope } from "./graph-error-envelope.js";
import { AuthenticationError } from "./authentication-error.js";
import { RateLimitedError, TooManyOpenRequestsError } from "./limit-errors.js";
import { ProxyError } from "./proxy-error.js";
import { MethodNotAllowedError, NotFoundError } from "./request-errors.js";
import { ClientGoneError } from "./upstream-errors.js";
import { ownAnswersCacheControl } from "../wire/cache-control.js";

interface Answer {
  status: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Maps any error to a status, a Graph error code and a message a client may see. */
export function describeError(error: unknown): Answer {
  const known = statusOfError(error);
  if (known !== undefined) {
    const details = ProxyError.isInstance(known.error) ? known.error.innerError : {};
    return { status: known.status, code: known.error.code, message: known.error.message, details };
  }
  if (error instanceof URIError && (error as { status?: unknown }).status === 400) {
    // Express could not decode a path parameter.
    return {
      status: 400,
      code: "invalidRequest",
      message: `The request path is not valid percent-encoding (${error.message}): encode each character of an id once.`,
      details: {},
    };
  }
  const type = (error as { type?: unknown } | null)?.type;
  const mapped = typeof type === "string" ? statusByExpressErrorType[type] : undefined;
  if (mapped !== undefined) return { ...mapped, message: (error as Error).message, details: {} };
  return {
    status: 500,
    code: "generalException",
    message: "The proxy failed to answer this request.",
    details: {},
  };
}

/** The one error middleware: every error becomes Graph's error envelope with the status from the table. */
export function errorMiddleware(logger: ProxyLogger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const log = requestLog(res, logger);
    if (ClientGoneError.isInstance(error)) {
      log.debug("client left before the upstream answered; the upstream call was abandoned");
      if (!res.destroyed) res.destroy();
      return;
    }
    const answer = describeError(error);
    if (answer.status >= 500) log.error({ err: error }, "request failed");
    else log.info({ code: answer.code, status: answer.status }, answer.message);
    if (res.headersSent) {
      // The answer is under way (a stream broke midway): cutting the connection is the only honest signal left.
      res.destroy();
      return;
    }
    // The proxy's own answer, under a forwarding prefix too: addressed to this client alone.
    res.setHeader("Cache-Control", ownAnswersCacheControl);
    if (RateLimitedError.isInstance(error) || TooManyOpenRequestsError.isInstance(error)) {
      res.setHeader("Retry-After", String(error.retryAfterSeconds));
    }
    if (MethodNotAllowedError.isInstance(error)) res.setHeader("Allow", error.allow.join(", "));
    if (AuthenticationError.isInstance(error)) res.setHeader("WWW-Authenticate", 'Bearer realm="lro-proxy"');
    res.status(answer.status).json(
      graphErrorEnvelope({
        code: answer.code,
        message: answer.message,
        requestId: res.locals.requestId as string,
        clientRequestId: req.get("client-request-id"),
        details: answer.details,
      }),
    );
  };
}

/** The JSON 404 for any path no router answers. */
export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => {
    next(
      new NotFoundError(
        `No resource at ${req.method} ${req.path}. The proxy serves /operations and forwards its prefixes.`,
      ),
    );
  };
}
