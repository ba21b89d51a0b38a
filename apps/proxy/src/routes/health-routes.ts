import type { RequestHandler } from "express";
import type { ProxyMetrics } from "../observability/metrics.js";
import type { OperationStore } from "../store/operation-store.js";
import type { PollSchedule } from "../store/poll-schedule.js";
import type { Tracker } from "../tracking/tracker.js";
import type { HealthBody, ReadinessBody } from "../wire/health-bodies.js";

export interface HealthRoutesOptions {
  store: Pick<PollSchedule, "nextDueAt"> & Pick<OperationStore, "health">;
  tracker: Pick<Tracker, "isRunning">;
  metrics: ProxyMetrics;
  /** False once shutdown began: `/readyz` then answers 503 so a load balancer stops sending requests. */
  accepting?: () => boolean;
}

/**
 * The health endpoints by path (each answers `GET` and `HEAD`), for the exact-path lookup in front of
 * authentication. `/healthz`: the process answers. `/readyz`: the store answers a query and has seen no
 * sign of a failing file (corrupt, I/O error, disk full), the tracker runs, and the proxy is not shutting
 * down. `/metrics`: Prometheus text. None needs credentials (they carry no client data).
 */
export function healthRoutes({
  store,
  tracker,
  metrics,
  accepting = () => true,
}: HealthRoutesOptions): Map<string, RequestHandler> {
  const healthz: RequestHandler = (_req, res) => {
    res.json({ status: "ok" } satisfies HealthBody);
  };
  const readyz: RequestHandler = async (_req, res) => {
    const checks = {
      store: await store.nextDueAt().then(
        () => {
          const problem = store.health?.();
          return problem === undefined ? "ok" : `failing: ${problem}`;
        },
        (error: unknown) => `unreachable: ${error instanceof Error ? error.message : String(error)}`,
      ),
      tracker: tracker.isRunning() ? "ok" : "stopped",
      accepting: accepting() ? "ok" : "shutting down",
    };
    const ready = Object.values(checks).every((check) => check === "ok");
    const body: ReadinessBody = { status: ready ? "ready" : "not ready", checks };
    res.status(ready ? 200 : 503).json(body);
  };
  const metricsText: RequestHandler = async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
  return new Map([
    ["/healthz", healthz],
    ["/readyz", readyz],
    ["/metrics", metricsText],
  ]);
}
