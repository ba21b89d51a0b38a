import type { Request, RequestHandler, Response } from "express";
import { AuthenticationError } from "../http-errors/authentication-error.js";
import { RateLimitedError } from "../http-errors/limit-errors.js";
import type { Identities, Identity } from "./identities.js";
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
  const authenticate = requestAuthenticator(identities, failures);
  return (req, res, next) => {
    const pending = authenticate(req, res);
    if (pending === undefined) next();
    else return pending.then(() => next());
  };
}

/**
 * The authentication step on its own (for a middleware that does several steps in one layer): sets
 * `res.locals.identity` or throws; it answers a promise only when the identity is not known at once (a JWT).
 */
export function requestAuthenticator(
  identities: Identities,
  failures?: FailedAttemptLimit,
): (req: Request, res: Response) => Promise<void> | undefined {
  const identify = identities.identify ?? ((credentials) => identities.authenticate(credentials));
  const countFailure = (address: string, error: unknown): never => {
    if (AuthenticationError.isInstance(error)) failures?.limiter.take(address);
    throw error;
  };
  return (req, res) => {
    const apiKey = req.get("x-api-key");
    const proxyAuthorization = req.get("proxy-authorization");
    delete req.headers["x-api-key"];
    delete req.headers["proxy-authorization"];
    const address = req.socket.remoteAddress ?? "unknown";
    if (failures !== undefined) {
      const standing = failures.limiter.peek(address);
      if (!standing.allowed) {
        const seconds = Math.max(1, Math.ceil(standing.retryAfterMs / 1000));
        throw new RateLimitedError(seconds, failures.limit, failures.windowMs);
      }
    }
    let identity: Identity | Promise<Identity>;
    try {
      identity = identify({ apiKey, proxyAuthorization });
    } catch (error) {
      return countFailure(address, error);
    }
    if (!(identity instanceof Promise)) {
      res.locals.identity = identity;
      return undefined;
    }
    return identity.then(
      (known) => {
        res.locals.identity = known;
      },
      (error: unknown) => countFailure(address, error),
    );
  };
}
