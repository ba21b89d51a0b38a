import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveMonitorUrl, type OperationStatus } from "@lro/core";
import { startSimulator, type ScenarioOptions, type Simulator } from "@lro/simulator";
import express from "express";
import { hashApiKey, type ProxyConfig } from "../../config.js";
import { errorMiddleware, notFoundHandler } from "../../http-errors/error-middleware.js";
import { createLogger } from "../../observability/logger.js";
import { createMetrics, type ProxyMetrics } from "../../observability/metrics.js";
import { requestIdMiddleware } from "../../observability/request-id.js";
import { createEventsRouter } from "../../routes/events-router.js";
import { createOperationsRouter } from "../../routes/operations-router.js";
import { authenticationMiddleware } from "../../security/authentication-middleware.js";
import { createEgressPolicy, type EgressPolicy } from "../../security/egress-policy.js";
import { createIdentities } from "../../security/identities.js";
import { parseOriginPattern, type OriginPattern } from "../../security/origin-pattern.js";
import type { OperationChange } from "../../store/operation-change.js";
import type { OperationRecord } from "../../store/operation-record.js";
import type { OperationStore } from "../../store/operation-store.js";
import { openSqliteStore } from "../../store/sqlite/sqlite-store.js";
import { createTracker, type Tracker, type TrackerOptions } from "../tracker.js";
import { fastPacing } from "./fast-pacing.js";

/** Two clients of the proxy, as their `X-API-Key` and the owner id the proxy derives from it. */
export const alice = {
  apiKey: "alice-key-0123456789abcdef",
  owner: hashApiKey("alice-key-0123456789abcdef").identity,
};
export const bob = {
  apiKey: "bob-key-0123456789abcdefgh",
  owner: hashApiKey("bob-key-0123456789abcdefgh").identity,
};

export interface Harness {
  simulator: Simulator;
  dataDir: string;
  store: OperationStore;
  tracker: Tracker;
  egress: EgressPolicy;
  metrics: ProxyMetrics;
  /** The operations resource on a real server on port 0: `${url}/operations`. */
  url: string;
  /** Starts an operation on the simulator and answers its absolute monitor URL. */
  startUpstream(
    path: string,
    scenario?: ScenarioOptions,
  ): Promise<{ monitorUrl: string; requestUrl: string }>;
  /** Closes the server, stops the tracker and closes the store, then opens all three again on the same data. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  tracker?: Partial<Omit<TrackerOptions, "store" | "egress" | "logger" | "metrics">>;
  heartbeatMs?: number;
  /** Origins that may receive a caller's token besides the request's own. */
  tokenOrigins?: string[];
}

/** The simulator as upstream, a SQLite store in a fresh data dir, a tracker, and the two routers behind real authentication. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const simulator = await startSimulator({ defaults: { durationMs: 300 } });
  const dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-tracking-"));
  const pattern = (origin: string) => parseOriginPattern(origin) as OriginPattern;
  const config = {
    upstream: new URL(simulator.url),
    egress: {
      allowOrigins: [pattern("http://127.0.0.1:*")],
      allowAddresses: ["127.0.0.1"],
      tokenOrigins: (options.tokenOrigins ?? []).map(pattern),
    },
    authentication: { apiKeys: [hashApiKey(alice.apiKey), hashApiKey(bob.apiKey)], jwt: undefined },
  } satisfies Pick<ProxyConfig, "upstream" | "egress" | "authentication">;
  const egress = createEgressPolicy(config);
  const identities = createIdentities(config);
  const logger = createLogger({ level: "silent" });

  let store: OperationStore;
  let tracker: Tracker;
  let metrics: ProxyMetrics;
  let server: Server;
  let url = "";
  const open = async () => {
    store = openSqliteStore({ dataDir });
    metrics = createMetrics();
    tracker = createTracker({
      store,
      egress,
      logger,
      metrics,
      pollOptions: { ...fastPacing },
      retentionMs: 3_600_000,
      ...options.tracker,
    });
    const app = express();
    app.use(requestIdMiddleware());
    app.use(authenticationMiddleware(identities));
    app.use(
      "/operations",
      createEventsRouter({
        store,
        tracker,
        metrics,
        upstreamOrigin: simulator.url,
        heartbeatMs: options.heartbeatMs ?? 15_000,
      }),
    );
    app.use(
      "/operations",
      createOperationsRouter({ store, tracker, upstreamOrigin: simulator.url, maxWaitSeconds: 30 }),
    );
    app.use(notFoundHandler());
    app.use(errorMiddleware(logger));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tracker.start();
  };
  const shut = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await tracker.stop();
    tracker.changes.close();
    await store.close();
  };
  await open();

  return {
    simulator,
    dataDir,
    egress,
    get store() {
      return store;
    },
    get tracker() {
      return tracker;
    },
    get metrics() {
      return metrics;
    },
    get url() {
      return url;
    },
    async startUpstream(path, scenario = {}) {
      const requestUrl = `${simulator.url}${path}`;
      const response = await fetch(requestUrl, {
        method: "POST",
        headers: {
          "x-simulator-scenario": JSON.stringify(scenario),
          "content-type": "application/json",
          prefer: "respond-async",
        },
        body: JSON.stringify({ storageLocation: "https://example.blob.core.windows.net/export" }),
      });
      await response.arrayBuffer();
      const location = response.headers.get("operation-location") ?? response.headers.get("location");
      if (response.status !== 202 || location === null) {
        throw new Error(`the simulator answered ${response.status} without a monitor to ${path}`);
      }
      return { monitorUrl: resolveMonitorUrl(location, requestUrl).href, requestUrl };
    },
    async restart() {
      await shut();
      await open();
    },
    async close() {
      await shut();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the first change of `owner`'s operation `id` that `predicate` accepts (or rejects after `timeoutMs`). */
export function nextChange(
  tracker: Tracker,
  owner: string,
  id: string,
  predicate: (change: OperationChange) => boolean,
  timeoutMs = 5000,
): Promise<OperationChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no matching change of ${id} within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = tracker.changes.subscribe(
      owner,
      (change) => {
        if (!predicate(change)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(change);
      },
      id,
    );
  });
}

const terminalStatuses: readonly OperationStatus[] = ["succeeded", "failed"];

/** Resolves with the operation once `predicate` holds for it (at once if it already does). */
export function reaches(
  harness: Harness,
  owner: string,
  id: string,
  predicate: (record: OperationRecord) => boolean,
  timeoutMs = 15_000,
): Promise<OperationRecord> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${id} did not reach the expected state within ${timeoutMs} ms`))),
      timeoutMs,
    );
    const unsubscribe = harness.tracker.changes.subscribe(
      owner,
      (change) => {
        if (change.type === "deleted") finish(() => reject(new Error(`${id} was deleted`)));
        else if (predicate(change.record)) finish(() => resolve(change.record));
      },
      id,
    );
    void harness.store.get(owner, id).then((record) => {
      if (record !== undefined && predicate(record)) finish(() => resolve(record));
    });
  });
}

/** Resolves with the operation once it has ended (at once if it already has). */
export function ended(
  harness: Harness,
  owner: string,
  id: string,
  timeoutMs = 15_000,
): Promise<OperationRecord> {
  return reaches(
    harness,
    owner,
    id,
    (record) => terminalStatuses.includes(record.operation.status),
    timeoutMs,
  );
}
