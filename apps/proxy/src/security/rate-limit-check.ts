import type { Response } from "express";
import { RateLimitedError } from "../http-errors/limit-errors.js";
import type { Identity } from "./identities.js";
import type { RateLimiter } from "./rate-limiter.js";

/**
 * The rate limit step of the request preamble: the error to answer with when the identity is over its
 * rate, else nothing. With `advertise`, the answer carries the IETF draft's `RateLimit-Policy`
 * (`"requests";q=<limit>;w=<window s>`) and `RateLimit` (`"requests";r=<left>;t=<s until full>`)
 * headers; a 429 always does.
 */
export function rateLimitCheck(
  limiter: RateLimiter,
  limit: number,
  windowMs: number,
): (res: Response, advertise: boolean) => RateLimitedError | undefined {
  const policy = `"requests";q=${limit};w=${Math.max(1, Math.round(windowMs / 1000))}`;
  return (res, advertise) => {
    const identity = res.locals.identity as Identity;
    const decision = limiter.take(identity.id);
    if (advertise || !decision.allowed) {
      res.setHeader("RateLimit-Policy", policy);
      const seconds = Math.max(0, Math.ceil((decision.fullInMs ?? 0) / 1000));
      res.setHeader("RateLimit", `"requests";r=${decision.remaining ?? 0};t=${seconds}`);
    }
    if (decision.allowed) return undefined;
    return new RateLimitedError(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)), limit, windowMs);
  };
}
