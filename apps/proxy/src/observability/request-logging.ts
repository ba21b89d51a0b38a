import type { Request, Response } from "express";
import { redactUrlForLog, type ProxyLogger } from "./logger.js";
import type { ProxyMetrics } from "./metrics.js";

/** What the logging step keeps on `res.locals` of each request. */
interface LoggedLocals {
  /** `performance.now()` when the request came in. */
  startedAt?: number;
  /** The proxy's logger, for `requestLog`. */
  logger?: ProxyLogger;
  /** The request's child logger, once made. */
  log?: ProxyLogger;
  requestId?: string;
  clientRequestId?: string;
  routeLabel?: string;
  identity?: { id: string };
}

/**
 * One record per answered request (never its headers or body: they may carry credentials), and the
 * request counters. The request preamble calls it once per request. Nothing is made per request but
 * the start time: the record is only built when `info` is enabled, and `requestLog(res)` makes the child
 * logger carrying the request id on first use.
 */
export function requestLogStarter(
  logger: ProxyLogger,
  metrics: ProxyMetrics,
): (req: Request, res: Response) => void {
  // One listener for every request (`this` is the answer), not a closure per request.
  function answered(this: Response) {
    const locals = this.locals as LoggedLocals;
    const req = this.req;
    const seconds = (performance.now() - (locals.startedAt ?? 0)) / 1000;
    const route = locals.routeLabel ?? routeLabelOf(req.baseUrl);
    metrics.httpRequests.inc({ method: req.method, route, status: String(this.statusCode) });
    metrics.httpDuration.observe({ method: req.method, route }, seconds);
    if (!logger.isLevelEnabled("info")) return;
    requestLog(this).info(
      {
        method: req.method,
        url: redactUrlForLog(req.originalUrl),
        status: this.statusCode,
        durationMs: Math.round(seconds * 1000),
        identity: locals.identity?.id,
        completed: this.writableFinished,
      },
      "request",
    );
  }
  return (_req, res) => {
    const locals = res.locals as LoggedLocals;
    locals.startedAt = performance.now();
    locals.logger = logger;
    res.on("close", answered);
  };
}

/**
 * The request's logger: a child of the proxy's carrying the request id, made on first use. `fallback`
 * serves a request the logging step never saw.
 */
export function requestLog(res: Response, fallback?: ProxyLogger): ProxyLogger {
  const locals = res.locals as LoggedLocals;
  if (locals.log !== undefined) return locals.log;
  const base = locals.logger ?? fallback;
  if (base === undefined) throw new Error("requestLog: the request was not logged and no fallback was given");
  const ids = {
    ...(locals.requestId === undefined ? {} : { requestId: locals.requestId }),
    ...(locals.clientRequestId === undefined ? {} : { clientRequestId: locals.clientRequestId }),
  };
  locals.log = Object.keys(ids).length === 0 ? base : base.child(ids);
  return locals.log;
}

/**
 * The `route` label of a request the routers did not label: `/operations` for anything under it (Express
 * matches paths in any case, so `/OPERATIONS/x` is the same route), else `other`. Labels come from this
 * fixed list, never from the request's own spelling, so no request can add metric series.
 */
export function routeLabelOf(baseUrl: string): string {
  return baseUrl.toLowerCase() === "/operations" ? "/operations" : "other";
}
