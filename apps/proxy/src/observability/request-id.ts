import { randomUUID } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";

const acceptable = /^[\w.:@-]{1,128}$/;

/**
 * Gives every request an id: the client's `client-request-id` (or `request-id`) when it is a sane token,
 * else a new UUID. It is answered as `request-id`, logged with every record and sent upstream as
 * `client-request-id`, so Graph's logs and the proxy's can be joined.
 */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    assignRequestId(req, res);
    next();
  };
}

/** The request id step on its own, for a middleware that does several steps in one layer. */
export function assignRequestId(req: Request, res: Response): void {
  const requestId =
    acceptableOrUndefined(req.headers["client-request-id"]) ??
    acceptableOrUndefined(req.headers["request-id"]) ??
    randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("request-id", requestId);
}

function acceptableOrUndefined(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && acceptable.test(value) ? value : undefined;
}
