import type { RequestHandler } from "express";
import { RateLimitedError } from "../http-errors/limit-errors.js";
import type { Identity } from "./identities.js";
import type { RateLimiter } from "./rate-limiter.js";

/** Answers 429 with `Retry-After` when the authenticated identity is over its request rate. */
export function rateLimitMiddleware(limiter: RateLimiter, limit: number, windowMs: number): RequestHandler {
  return (_req, res, next) => {
    const identity = res.locals.identity as Identity;
    const decision = limiter.take(identity.id);
    if (decision.allowed) return next();
    next(new RateLimitedError(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)), limit, windowMs));
  };
}
