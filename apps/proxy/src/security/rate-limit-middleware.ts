import type { RequestHandler, Response } from "express";
import { RateLimitedError } from "../http-errors/limit-errors.js";
import type { Identity } from "./identities.js";
import type { RateLimiter } from "./rate-limiter.js";

/** Answers 429 with `Retry-After` when the authenticated identity is over its request rate. */
export function rateLimitMiddleware(limiter: RateLimiter, limit: number, windowMs: number): RequestHandler {
  const check = rateLimitCheck(limiter, limit, windowMs);
  return (_req, res, next) => {
    const refusal = check(res);
    if (refusal === undefined) next();
    else next(refusal);
  };
}

/** The rate limit step on its own: the error to answer with when the identity is over its rate, else nothing. */
export function rateLimitCheck(
  limiter: RateLimiter,
  limit: number,
  windowMs: number,
): (res: Response) => RateLimitedError | undefined {
  return (res) => {
    const identity = res.locals.identity as Identity;
    const decision = limiter.take(identity.id);
    if (decision.allowed) return undefined;
    return new RateLimitedError(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)), limit, windowMs);
  };
}
