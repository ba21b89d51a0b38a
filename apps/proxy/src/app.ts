import express, { type Express, type RequestHandler } from "express";
import type { ProxyConfig } from "./config.js";
import { errorMiddleware, notFoundHandler } from "./http-errors/error-middleware.js";
import type { ProxyLogger } from "./observability/logger.js";
import type { ProxyMetrics } from "./observability/metrics.js";
import { createEventsRouter } from "./routes/events-router.js";
import { createForwardingRouter } from "./routes/forwarding-router.js";
import { openApiRoute } from "./openapi/openapi-route.js";
import { healthRoutes } from "./routes/health-routes.js";
import { getOperationHandler } from "./routes/get-operation.js";
import { createOperationsRouter } from "./routes/operations-router.js";
import { tokenResumption } from "./routes/token-resumption.js";
import type { EgressPolicy } from "./security/egress-policy.js";
import type { Identities } from "./security/identities.js";
import { createOpenRequestLimits } from "./security/open-request-limits.js";
import { createRateLimiter } from "./security/rate-limiter.js";
import { createStreamTokens } from "./security/stream-token.js";
import { streamTokenHandler } from "./routes/stream-token-route.js";
import { requestPreamble } from "./request-preamble.js";
import type { ChangeFeed } from "./store/change-feed.js";
import type { OperationRecords } from "./store/operation-records.js";
import type { OperationStore } from "./store/operation-store.js";
import type { PollSchedule } from "./store/poll-schedule.js";
import type { Tracker } from "./tracking/tracker.js";
import type { UpstreamClient } from "./upstream/upstream-client.js";
import { MethodNotAllowedError } from "./http-errors/request-errors.js";
import { createPublicLinks } from "./wire/public-links.js";
import { weakEtag } from "./wire/weak-etag.js";

/** Everything the app is built from; `server.ts` (or a test, or a benchmark) creates them. */
export interface ProxyDependencies {
  config: ProxyConfig;
  /** What the routes read: records, the change feed, the schedule's next due time and health (readiness). */
  store: Pick<OperationRecords, "get" | "list"> &
    Pick<ChangeFeed, "listChangesSince"> &
    Pick<PollSchedule, "nextDueAt"> &
    Pick<OperationStore, "health">;
  tracker: Tracker;
  egress: EgressPolicy;
  logger: ProxyLogger;
  metrics: ProxyMetrics;
  identities: Identities;
  /** The HTTP client of forwarded calls (and, through its `fetch`, of the tracker's polls). */
  upstream: UpstreamClient;
  /** False once shutdown began; `/readyz` then answers 503. */
  accepting?: () => boolean;
  /** Aborts when shutdown begins: waiting requests are answered at once with the operation as it stands. */
  shutdown?: AbortSignal;
}

/**
 * Builds the proxy's Express app: request ids and logs, security headers, health endpoints, client
 * authentication and rate limits, the forwarding routers under each prefix, the operations resource,
 * a JSON 404 and the one error middleware. It never listens.
 */
export function createApp(dependencies: ProxyDependencies): Express {
  const { config, store, tracker, egress, logger, metrics, identities, upstream } = dependencies;
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", weakEtag);
  // Whose X-Forwarded-For/-Proto/-Host are believed (`--trust-proxy`): client addresses and link bases;
  // none unless the setting names them.
  app.set("trust proxy", config.trustProxy ?? false);
  app.locals.publicLinks = createPublicLinks({
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy !== undefined,
    prefixes: config.prefixes,
  });
  // The operations resource is served at the top level and under each forwarding prefix, so that a link
  // a Graph SDK client resolves against its versioned base (`/v1.0/operations/{id}`) reaches it too.
  const operationsPaths = ["/operations", ...config.prefixes.map((prefix) => `${prefix}/operations`)];

  const limits = createOpenRequestLimits({
    eventStream: config.limits.eventStreamsPerIdentity,
    wait: config.limits.waitsPerIdentity,
  });
  const failedAttempts = { limit: 30, windowMs: 60_000 };
  const streamTokens = createStreamTokens({
    secret: config.streamTokens.secret,
    lifetimeMs: config.streamTokens.lifetimeMs,
  });
  app.use(
    requestPreamble({
      logger,
      metrics,
      prefixes: config.prefixes,
      openRoutes: new Map([
        ...healthRoutes({ store, tracker, metrics, accepting: dependencies.accepting ?? (() => true) }),
        ["/openapi.json", openApiRoute(config.prefixes)],
      ]),
      authenticate: identities,
      corsOrigins: config.cors.origins,
      streamTokens,
      failedAttempts: {
        ...failedAttempts,
        limiter: createRateLimiter({ limit: failedAttempts.limit, windowMs: failedAttempts.windowMs }),
      },
      requestLimit: {
        limiter: createRateLimiter({
          limit: config.limits.requestsPerWindow,
          windowMs: config.limits.rateLimitWindowMs,
        }),
        limit: config.limits.requestsPerWindow,
        windowMs: config.limits.rateLimitWindowMs,
      },
    }),
  );

  // The busiest request, routed first and at the top level instead of through the `/operations` routers'
  // layers; it does what they would do (token resumption, then the operation), `events` goes on to its stream.
  const resume = tokenResumption({ tracker, upstreamOrigin: config.upstream.origin });
  app.get(
    operationsPaths.map((path) => `${path}/:id`),
    (req, res, next) => {
      if (req.params.id === "events") return next("route");
      res.locals.routeLabel = "/operations";
      return resume(req, res, next);
    },
    getOperationHandler({ store, tracker, limits, metrics, shutdown: dependencies.shutdown }),
  );
  app.post(
    operationsPaths.map((path) => `${path}/:id/stream-token`),
    streamTokenHandler({ store, tokens: streamTokens, prefixes: config.prefixes }),
  );
  app.use(
    operationsPaths,
    createEventsRouter({ store, tracker, metrics, limits, upstreamOrigin: config.upstream.origin }),
    createOperationsRouter({ store, tracker, upstreamOrigin: config.upstream.origin }),
  );
  // A known path with a method it does not answer: 405 with `Allow`, as Graph answers.
  app.all(
    operationsPaths.flatMap((path) => [path, `${path}/events`, `${path}/:id/events`]),
    methodNotAllowed(["GET", "HEAD"], ["POST"]),
  );
  app.all(
    operationsPaths.map((path) => `${path}/:id`),
    methodNotAllowed(["GET", "HEAD", "DELETE"]),
  );
  app.all(
    operationsPaths.map((path) => `${path}/:id/stream-token`),
    methodNotAllowed(["POST"]),
  );
  const forwarding = createForwardingRouter({ config, upstream, tracker, egress });
  for (const prefix of config.prefixes) app.use(prefix, forwarding);

  app.use(notFoundHandler());
  app.use(errorMiddleware(logger));
  return app;
}

/** Answers 405 naming the methods of the path: `extra` on the collection itself (`POST /operations`). */
function methodNotAllowed(allow: string[], extra: string[] = []): RequestHandler {
  return (req) => {
    const collection = /\/operations\/?$/.test(req.path);
    throw new MethodNotAllowedError(req.method, collection ? [...allow, ...extra] : allow);
  };
}
