import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerCors } from "./http/cors.js";
import { Exchange } from "./http/exchange.js";
import type { OperationRecord } from "./records/operation-record.js";
import type { RequestCount } from "./records/request-counters.js";
import { handleGraphOrigin } from "./routes/graph-origin.js";
import { handleMonitorOrigin } from "./routes/monitor-origin.js";
import { baseScenario, type ResolvedScenario, type ScenarioOptions } from "./scenario/scenario.js";
import { configureDefaults, resetState } from "./simulator-control.js";
import { createSimulatorState, type SimulatorState } from "./simulator-state.js";
import { createSeededRandom } from "./timeline/seeded-random.js";

export interface SimulatorOptions {
  /** Port of the Graph-like origin; 0 (the default) picks a free one. */
  port?: number;
  /** Port of the second (monitor) origin; 0 (the default) picks a free one. */
  monitorPort?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Scenario defaults for every operation; a request's `x-simulator-scenario` header is laid over them. */
  defaults?: ScenarioOptions;
  /** Seed of the generator that draws outcomes from `failureRate`; default 1. */
  seed?: number;
  /** The clock (epoch ms); inject one to drive time by hand in tests. Default Date.now. */
  now?: () => number;
  /** Keep each operation's poll times (at most 1000 per operation); default true. */
  recordPollTimes?: boolean;
  /** Keep-alive timeout of both servers in ms; default 65000. */
  keepAliveTimeoutMs?: number;
  /**
   * Answer CORS on both origins (any origin allowed, preflights answered, Location, Operation-Location,
   * Retry-After and the request ids exposed), so a browser page can start and poll operations, as it
   * can against Graph. Default true.
   */
  cors?: boolean;
}

export interface Simulator {
  /** The Graph-like origin, e.g. http://127.0.0.1:4010 (paths under /v1.0 and /beta). */
  readonly url: string;
  /** The second origin that serves driveItem copy monitors, e.g. http://127.0.0.1:4011 */
  readonly monitorUrl: string;
  /** Every operation started since the last reset, oldest first. */
  operations(): OperationRecord[];
  /** One operation's record by id. */
  operation(id: string): OperationRecord | undefined;
  /** Requests answered, by route and status (status 0: dropped connections). */
  requests(): RequestCount[];
  /** The defaults currently in force. */
  defaults(): ResolvedScenario;
  /** Lays `defaults` over the current ones; throws SimulatorScenarioError on a bad field. */
  configure(defaults: ScenarioOptions): void;
  /** Forgets operations and counters and restarts the seeded generator. */
  reset(): void;
  /** Closes both servers, destroying open connections. */
  close(): Promise<void>;
}

type Handler = (state: SimulatorState, exchange: Exchange) => Promise<void>;

function createOriginServer(
  state: SimulatorState,
  handler: Handler,
  keepAliveTimeoutMs: number,
  cors: boolean,
): Server {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (cors && answerCors(request, response)) return;
    const exchange = new Exchange(request, response, state.counters, state.now());
    handler(state, exchange).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      exchange.route = "internalError";
      exchange.sendError(500, "generalException", `The simulator failed: ${(error as Error).message}`);
    });
  });
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.headersTimeout = keepAliveTimeoutMs + 1000;
  return server;
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve(`http://${shownHost}:${address.port}`);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the Graph-like origin and the monitor origin; resolves once both listen. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? 1;
  const state = createSimulatorState({
    defaults: baseScenario,
    seed,
    random: createSeededRandom(seed),
    now: options.now ?? Date.now,
    recordPollTimes: options.recordPollTimes ?? true,
  });
  if (options.defaults !== undefined)
    configureDefaults(state, options.defaults, "startSimulator({ defaults })");
  const host = options.host ?? "127.0.0.1";
  const keepAlive = options.keepAliveTimeoutMs ?? 65_000;
  const cors = options.cors ?? true;
  const graphServer = createOriginServer(state, handleGraphOrigin, keepAlive, cors);
  const monitorServer = createOriginServer(state, handleMonitorOrigin, keepAlive, cors);
  try {
    state.graphOrigin = await listen(graphServer, options.port ?? 0, host);
    state.monitorOrigin = await listen(monitorServer, options.monitorPort ?? 0, host);
  } catch (error) {
    await Promise.all([closeServer(graphServer), closeServer(monitorServer)]);
    throw error;
  }
  return {
    url: state.graphOrigin,
    monitorUrl: state.monitorOrigin,
    operations: () => state.store.records(),
    operation: (id) => state.store.record(id),
    requests: () => state.counters.list(),
    defaults: () => ({ ...state.defaults }),
    configure: (defaults) => configureDefaults(state, defaults),
    reset: () => resetState(state, seed),
    close: async () => {
      await Promise.all([closeServer(graphServer), closeServer(monitorServer)]);
    },
  };
}
