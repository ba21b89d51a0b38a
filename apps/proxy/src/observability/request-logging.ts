import type { Request, Response } from "express";
import { redactUrlForLog, type ProxyLogger } from "./logger.js";
import type { ProxyMetrics } from "./metrics.js";

/**
 * One record per answered request (never its headers or body: they may carry credentials), and the
 * request counters. `res.locals.log` is a child logger carrying the request id for handlers to use; it is
 * made on first use, and the record is only built when `info` is enabled. The request preamble calls it once
 * per request.
 */
export function requestLogStarter(
  logger: ProxyLogger,
  metrics: ProxyMetrics,
): (req: Request, res: Response) => void {
  return (req, res) => {
    const started = process.hrtime.bigint();
    let log: ProxyLogger | undefined;
    const requestLog = () => (log ??= logger.child({ requestId: res.locals.requestId as string }));
    Object.defineProperty(res.locals, "log", { get: requestLog, enumerable: true, configurable: true });
    res.on("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req.baseUrl, res.locals.routeLabel as string | undefined);
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, seconds);
      if (!logger.isLevelEnabled("info")) return;
      requestLog().info(
        {
          method: req.method,
          url: redactUrlForLog(req.originalUrl),
          status: res.statusCode,
          durationMs: Math.round(seconds * 1000),
          identity: (res.locals.identity as { id: string } | undefined)?.id,
          completed: res.writableFinished,
        },
        "request",
      );
    });
  };
}

function routeLabel(baseUrl: string, label: string | undefined): string {
  return label ?? (baseUrl === "" ? "other" : baseUrl);
}
