import type { Response } from "express";
import { RateLimitedError } from "../http-errors/limit-errors.js";
import type { Identity } from "./identities.js";
import type { RateLimiter } from "./rate-limiter.js";

/** The rate limit step of the request preamble: the error to answer with when the identity is over its rate, else nothing. */
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
