import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Counts of stored operations by normalised status, read when `/metrics` is scraped. */
export type OperationCounts = () => Promise<Record<string, number>> | Record<string, number>;

/**
 * The proxy's Prometheus metrics, on a registry of its own (several apps may live in one process).
 * The tracker, the routers and the upstream client record into these.
 */
export interface ProxyMetrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
  /** Polls of monitors by outcome (`changed`, `unchanged`, `failed`...). */
  polls: Counter<"outcome">;
  /** Upstream calls: `target` is `forward`, `monitor` or `notification`. */
  upstreamDuration: Histogram<"target" | "method">;
  upstreamErrors: Counter<"target" | "reason">;
  egressDenied: Counter<"target">;
  sseClients: Gauge;
  /** Requests waiting for an operation to end (`Prefer: wait`, `?wait=`). */
  waitingRequests: Gauge;
  /** Sets where `lro_proxy_operations{status}` reads its counts from (the store). */
  countOperationsWith(counts: OperationCounts): void;
  /** Sets where `lro_proxy_database_round_trips_total` reads its count from (stores that count them). */
  countRoundTripsWith(count: () => number): void;
}

export interface MetricsOptions {
  /** Node.js process metrics (memory, event loop lag...); on in the server, off in tests. */
  processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): ProxyMetrics {
  const registry = new Registry();
  if (options.processMetrics === true) {
    collectDefaultMetrics({ register: registry, prefix: "lro_proxy_" });
    // prom-client names three gauges `_total`, a suffix Prometheus keeps for counters (promtool refuses
    // them); their per-type gauges stay (`lro_proxy_nodejs_active_handles{type}`...): sum those instead.
    for (const name of ["active_handles_total", "active_requests_total", "active_resources_total"]) {
      registry.removeSingleMetric(`lro_proxy_nodejs_${name}`);
    }
  }
  let counts: OperationCounts = () => ({});
  const registers = [registry];
  new Gauge({
    name: "lro_proxy_operations",
    help: "Tracked operations by normalised status.",
    labelNames: ["status"],
    registers,
    async collect() {
      this.reset();
      for (const [status, count] of Object.entries(await counts())) this.set({ status }, count);
    },
  });
  let roundTrips: (() => number) | undefined;
  new Counter({
    name: "lro_proxy_database_round_trips_total",
    help: "Statements sent to the database and answered (PostgreSQL store), each one round trip.",
    registers,
    collect() {
      if (roundTrips === undefined) return;
      this.reset();
      this.inc(roundTrips());
    },
  });
  return {
    registry,
    httpRequests: new Counter({
      name: "lro_proxy_http_requests_total",
      help: "Requests answered by the proxy.",
      labelNames: ["method", "route", "status"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "lro_proxy_http_request_duration_seconds",
      help: "Time to answer a request.",
      labelNames: ["method", "route"],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers,
    }),
    polls: new Counter({
      name: "lro_proxy_polls_total",
      help: "Polls of operation monitors by outcome.",
      labelNames: ["outcome"],
      registers,
    }),
    upstreamDuration: new Histogram({
      name: "lro_proxy_upstream_request_duration_seconds",
      help: "Latency of upstream calls until the answer's headers.",
      labelNames: ["target", "method"],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    upstreamErrors: new Counter({
      name: "lro_proxy_upstream_errors_total",
      help: "Upstream calls that failed (timeout, connection, HTTP 5xx, 429).",
      labelNames: ["target", "reason"],
      registers,
    }),
    egressDenied: new Counter({
      name: "lro_proxy_egress_denied_total",
      help: "Outgoing calls the egress policy refused.",
      labelNames: ["target"],
      registers,
    }),
    sseClients: new Gauge({
      name: "lro_proxy_sse_clients",
      help: "Open Server-Sent Events connections.",
      registers,
    }),
    waitingRequests: new Gauge({
      name: "lro_proxy_waiting_requests",
      help: "Requests waiting for an operation to end (Prefer: wait or ?wait=).",
      registers,
    }),
    countOperationsWith(source) {
      counts = source;
    },
    countRoundTripsWith(source) {
      roundTrips = source;
    },
  };
}
