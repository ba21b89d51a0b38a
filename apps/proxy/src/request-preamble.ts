import type { Request, RequestHandler } from "express";
import type { ProxyLogger } from "./observability/logger.js";
import type { ProxyMetrics } from "./observability/metrics.js";
import { assignRequestId } from "./observability/request-id.js";
import { requestLogStarter } from "./observability/request-logging.js";
import { requestAuthenticator, type FailedAttemptLimit } from "./security/authentication-middleware.js";
import { corsStep } from "./security/cors.js";
import { streamTokenAuthenticator } from "./security/stream-token-authentication.js";
import type { StreamTokens } from "./security/stream-token.js";
import { rateLimitCheck } from "./security/rate-limit-check.js";
import type { RateLimiter } from "./security/rate-limiter.js";
import { securityHeadersWriter } from "./security/security-headers.js";
import { ownAnswersCacheControl } from "./wire/cache-control.js";

export interface RequestPreambleOptions {
  logger: ProxyLogger;
  metrics: ProxyMetrics;
  /** The forwarding prefixes: their answers pass through without the proxy's security headers. */
  prefixes: readonly string[];
  /** The endpoints answered without credentials (health, metrics), by exact path. */
  openRoutes: ReadonlyMap<string, RequestHandler>;
  authenticate: Parameters<typeof requestAuthenticator>[0];
  failedAttempts: FailedAttemptLimit;
  requestLimit: { limiter: RateLimiter; limit: number; windowMs: number };
  /** The origins browser pages may call from (`--cors-origin`); none by default. */
  corsOrigins?: readonly string[];
  /** The stream tokens an `EventSource` shows on one operation's events URL instead of credentials. */
  streamTokens?: StreamTokens;
}

/**
 * Every request's cross-cutting steps as one Express layer, in order: its id, its log record and
 * counters, the security headers and `Cache-Control` (except under the forwarding prefixes), CORS (a
 * preflight is answered here, without credentials), the open endpoints, then authentication (a stream
 * token on an operation's events URL, else the client's credentials) and the identity's rate limit. One layer instead of one per step, since each layer an
 * answer passes through costs a match and a `next` on the busiest paths.
 */
export function requestPreamble(options: RequestPreambleOptions): RequestHandler {
  const { prefixes, openRoutes } = options;
  const startLog = requestLogStarter(options.logger, options.metrics);
  const writeSecurityHeaders = securityHeadersWriter();
  const authenticate = requestAuthenticator(options.authenticate, options.failedAttempts);
  const { limiter, limit, windowMs } = options.requestLimit;
  const checkRate = rateLimitCheck(limiter, limit, windowMs);
  const cors = corsStep(options.corsOrigins ?? []);
  const streamTokenIdentity =
    options.streamTokens === undefined ? undefined : streamTokenAuthenticator(options.streamTokens, prefixes);
  // The operations resource under a prefix (`/v1.0/operations`) is the proxy's own, not forwarded.
  const forwarded = (path: string) =>
    prefixes.some(
      (prefix) =>
        path === prefix ||
        (path.startsWith(`${prefix}/`) && !/^\/operations(\/|$)/i.test(path.slice(prefix.length))),
    );

  return (req, res, next) => {
    assignRequestId(req, res);
    startLog(req, res);
    const own = !forwarded(req.path);
    if (own) {
      writeSecurityHeaders(res);
      res.setHeader("Cache-Control", ownAnswersCacheControl);
    }
    if (cors?.(req, res) === true) return;
    const open = openRouteOf(req, openRoutes);
    if (open !== undefined) {
      res.locals.routeLabel = open.label;
      return open.handler(req, res, next);
    }
    if (streamTokenIdentity?.(req, res) === true) {
      const refusal = checkRate(res, own);
      if (refusal !== undefined) throw refusal;
      return next();
    }
    const pending = authenticate(req, res);
    if (pending !== undefined) {
      return pending.then(() => {
        const refusal = checkRate(res, own);
        next(refusal);
      });
    }
    const refusal = checkRate(res, own);
    if (refusal !== undefined) throw refusal;
    next();
  };
}

/** The open endpoint a `GET` or `HEAD` names, matched as Express routes match (any case, one trailing slash). */
function openRouteOf(
  req: Request,
  routes: ReadonlyMap<string, RequestHandler>,
): { label: string; handler: RequestHandler } | undefined {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  const path = req.path.length > 1 && req.path.endsWith("/") ? req.path.slice(0, -1) : req.path;
  const label = routes.has(path) ? path : path.toLowerCase();
  const handler = routes.get(label);
  // The label is the route's own name, never the request's spelling of it.
  return handler === undefined ? undefined : { label, handler };
}
