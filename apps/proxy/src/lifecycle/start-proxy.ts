import { createServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { createApp } from "../app.js";
import type { ProxyConfig } from "../config.js";
import { createLogger, type ProxyLogger } from "../observability/logger.js";
import { createMetrics, type ProxyMetrics } from "../observability/metrics.js";
import { createEgressPolicy, type EgressPolicyOptions } from "../security/egress-policy.js";
import { createIdentities, type IdentitiesOptions } from "../security/identities.js";
import { openPostgresStore } from "../store/postgres/load-postgres-store.js";
import { openSqliteStore } from "../store/sqlite/sqlite-store.js";
import type { OperationStore } from "../store/operation-store.js";
import { createTracker, type Tracker, type TrackerOptions } from "../tracking/tracker.js";
import { createUpstreamClient } from "../upstream/upstream-client.js";
import { clientErrorHandler } from "./client-error-handler.js";
import { createProxyTokenVault } from "../credentials/proxy-token-vault.js";
import { prepareDataDirectory } from "./data-directory.js";
import { makeClosable } from "./graceful-close.js";
import { sqliteOpeningFailure } from "./startup-failure.js";

export interface StartProxyOptions {
  logger?: ProxyLogger;
  /** Node.js process metrics on `/metrics` (the command turns them on). */
  processMetrics?: boolean;
  egress?: EgressPolicyOptions;
  identities?: IdentitiesOptions;
  /** Tracker settings beyond the configuration (pacing, concurrency, clock): for tests and benchmarks. */
  tracker?: Partial<Omit<TrackerOptions, "store" | "egress" | "logger" | "metrics">>;
}

/** The SQLite store of the data directory, or a start-up error that says what is wrong with it. */
function openSqliteStoreIn(dataDir: string): OperationStore {
  prepareDataDirectory(dataDir);
  try {
    return openSqliteStore({ dataDir });
  } catch (error) {
    throw sqliteOpeningFailure(error, dataDir);
  }
}

/** A listening proxy: its address, its parts, and the graceful way to stop it. */
export interface RunningProxy {
  /** `http://host:port` as bound (port 0 becomes the real port). */
  url: string;
  server: Server;
  app: Express;
  store: OperationStore;
  tracker: Tracker;
  logger: ProxyLogger;
  metrics: ProxyMetrics;
  /** Stops accepting, drains requests in flight, stops the tracker, closes upstream connections and the store. */
  close(): Promise<void>;
}

/**
 * Builds every dependency from the configuration (the SQLite store in the data directory, or the
 * PostgreSQL store shared by several instances when a database URL is set), starts the tracker and listens.
 */
export async function startProxy(
  config: ProxyConfig,
  options: StartProxyOptions = {},
): Promise<RunningProxy> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = createMetrics({ processMetrics: options.processMetrics ?? false });
  const egress = createEgressPolicy(config, options.egress);
  const upstream = createUpstreamClient({ egress, metrics, timeoutMs: config.limits.upstreamTimeoutMs });
  const store =
    config.database === undefined
      ? openSqliteStoreIn(config.dataDir)
      : await openPostgresStore({
          connectionString: config.database.url,
          schema: config.database.schema,
          logger,
        });
  let tokens: Awaited<ReturnType<typeof createProxyTokenVault>>;
  try {
    tokens = await createProxyTokenVault(config, logger);
  } catch (error) {
    await store.close();
    throw error;
  }
  const tracker = createTracker({
    store,
    egress,
    logger,
    metrics,
    vault: tokens.vault,
    retentionMs: config.retentionMs,
    deadlineMs: config.operationDeadlineMs,
    maxOperationsPerOwner: config.limits.operationsPerIdentity,
    leaseMs: config.leaseMs,
    concurrency: config.polling.inFlight,
    concurrencyPerOrigin: config.polling.inFlightPerOrigin,
    batchSize: config.polling.batchSize,
    ...options.tracker,
    pollOptions: {
      // Monitor polls through core's undici transport over the upstream client's connections and egress
      // lookup; notifications through its fetch.
      dispatcher: upstream.dispatcher,
      fetch: upstream.fetch,
      requestTimeoutMs: config.limits.upstreamTimeoutMs,
      maxResponseBytes: config.limits.monitorAnswerBytes,
      ...options.tracker?.pollOptions,
    },
  });
  const identities = createIdentities(config, options.identities);
  let accepting = true;
  const shutdown = new AbortController();
  const app = createApp({
    config,
    store,
    tracker,
    egress,
    logger,
    metrics,
    identities,
    upstream,
    accepting: () => accepting,
    shutdown: shutdown.signal,
  });

  // HTTPS with --tls-cert/--tls-key: the Graph SDK sends its token only to https:// hosts.
  const server: Server =
    config.tls === undefined
      ? createServer({ maxHeaderSize: config.limits.headerBytes }, app)
      : createHttpsServer(
          { maxHeaderSize: config.limits.headerBytes, cert: config.tls.cert, key: config.tls.key },
          app,
        );
  server.on("clientError", clientErrorHandler(logger, config.limits.headerBytes));
  const closable = makeClosable(server);
  tracker.start();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    // Not listening (a port in use, an address not ours): nothing may stay open behind the refusal,
    // so a caller can try again, on another port, with the same data directory.
    await tracker.stop();
    await upstream.close();
    await store.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `${config.tls === undefined ? "http" : "https"}://${host}:${address.port}`,
    server,
    app,
    store,
    tracker,
    logger,
    metrics,
    close() {
      closing ??= (async () => {
        accepting = false;
        // Every waiting request is answered now, with the operation as it stands, before connections close.
        shutdown.abort();
        await closable.close(config.shutdownTimeoutMs);
        await tracker.stop();
        tokens.appTokens?.close();
        await upstream.close();
        await store.close();
        logger.info("lro-proxy stopped");
      })();
      return closing;
    },
  };
}
