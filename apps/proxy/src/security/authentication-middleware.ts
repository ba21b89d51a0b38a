import type { RequestHandler } from "express";
import { AuthenticationError } from "../http-errors/authentication-error.js";
import { RateLimitedError } from "../http-errors/limit-errors.js";
import type { Identities } from "./identities.js";
import type { RateLimiter } from "./rate-limiter.js";

export interface FailedAttemptLimit {
  /** Failed authentications allowed per client address and window. */
  limiter: RateLimiter;
  limit: number;
  windowMs: number;
}

/**
 * Sets `res.locals.identity` from `X-API-Key` or `Proxy-Authorization: Bearer <JWT>`; a request without
 * valid credentials ends in a 401. The proxy's own credentials are removed from the request here so that
 * nothing after this point (forwarding included) can pass them on. An address that failed too often is
 * answered 429 without its credentials being looked at, so keys cannot be guessed at speed.
 */
export function authenticationMiddleware(
  identities: Identities,
  failures?: FailedAttemptLimit,
): RequestHandler {
  return async (req, res, next) => {
    const apiKey = req.get("x-api-key");
    const proxyAuthorization = req.get("proxy-authorization");
    delete req.headers["x-api-key"];
    delete req.headers["proxy-authorization"];
    const address = req.socket.remoteAddress ?? "unknown";
    const standing = failures?.limiter.peek(address) ?? { allowed: true };
    if (failures !== undefined && !standing.allowed) {
      const seconds = Math.max(1, Math.ceil(standing.retryAfterMs / 1000));
      throw new RateLimitedError(seconds, failures.limit, failures.windowMs);
    }
    try {
      res.locals.identity = await identities.authenticate({ apiKey, proxyAuthorization });
    } catch (error) {
      if (AuthenticationError.isInstance(error)) failures?.limiter.take(address);
      throw error;
    }
    next();
  };
}
