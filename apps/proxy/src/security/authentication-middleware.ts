import { createHash } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { AuthenticationError } from "../http-errors/authentication-error.js";
import { RateLimitedError } from "../http-errors/limit-errors.js";
import type { Identities, Identity } from "./identities.js";
import { LruMap } from "../support/lru-map.js";
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
 * answered 429 for anything but a credential known to be valid, so keys cannot be guessed at speed and
 * valid ones are never locked out.
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
 *
 * Failed attempts are counted per client address (`req.ip`: the connection's, or the one a trusted proxy
 * names with `--trust-proxy`). Past the limit, the address is answered 429 for anything but a credential
 * known to be valid: an API key (checked at once, in constant time) or a JWT this process verified before.
 * So a flood of bad guesses from behind a load balancer, which shares one address among many clients, never
 * locks a valid key out.
 */
export function requestAuthenticator(
  identities: Identities,
  failures?: FailedAttemptLimit,
): (req: Request, res: Response) => Promise<void> | undefined {
  const identify = identities.identify ?? ((credentials) => identities.authenticate(credentials));
  // Digests of JWTs verified before (a JWT is costly to verify; a locked-out address gets that cost only for these).
  const verifiedTokens = new LruMap<string, true>(10_000);
  const countFailure = (address: string, error: unknown): never => {
    if (AuthenticationError.isInstance(error)) failures?.limiter.take(address);
    throw error;
  };
  return (req, res) => {
    const apiKey = req.get("x-api-key");
    const proxyAuthorization = req.get("proxy-authorization");
    delete req.headers["x-api-key"];
    delete req.headers["proxy-authorization"];
    const address = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const tokenDigest =
      proxyAuthorization === undefined
        ? undefined
        : createHash("sha256").update(proxyAuthorization).digest("base64");
    if (failures !== undefined) {
      const standing = failures.limiter.peek(address);
      const knownValid =
        apiKey === undefined ? tokenDigest !== undefined && verifiedTokens.get(tokenDigest) === true : true;
      if (!standing.allowed && !knownValid) {
        const seconds = Math.max(1, Math.ceil(standing.retryAfterMs / 1000));
        throw new RateLimitedError(seconds, failures.limit, failures.windowMs);
      }
      if (!standing.allowed && apiKey !== undefined) {
        // Locked out: a valid key passes; a wrong one is refused with the lock-out, not counted again.
        let identity: Identity | Promise<Identity>;
        try {
          identity = identify({ apiKey, proxyAuthorization });
        } catch {
          const seconds = Math.max(1, Math.ceil(standing.retryAfterMs / 1000));
          throw new RateLimitedError(seconds, failures.limit, failures.windowMs);
        }
        if (!(identity instanceof Promise)) {
          res.locals.identity = identity;
          return undefined;
        }
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
        if (tokenDigest !== undefined) verifiedTokens.set(tokenDigest, true);
        res.locals.identity = known;
      },
      (error: unknown) => countFailure(address, error),
    );
  };
}
