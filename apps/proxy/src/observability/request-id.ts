import { randomUUID } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";

const acceptable = /^[\w.:@-]{1,128}$/;

/**
 * Gives every request the proxy's own id, as Graph does: a new UUID, answered as `request-id`, logged with
 * every record. The client's `client-request-id`, when it is a sane token, is echoed back and sent upstream
 * (else the proxy's id goes upstream as `client-request-id`), so Graph's logs and the proxy's can be joined.
 */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    assignRequestId(req, res);
    next();
  };
}

/** The request id step on its own, for a middleware that does several steps in one layer. */
export function assignRequestId(req: Request, res: Response): void {
  const requestId = randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("request-id", requestId);
  const clientRequestId = acceptableOrUndefined(req.headers["client-request-id"]);
  if (clientRequestId !== undefined) {
    res.locals.clientRequestId = clientRequestId;
    res.setHeader("client-request-id", clientRequestId);
  }
}

function acceptableOrUndefined(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && acceptable.test(value) ? value : undefined;
}
