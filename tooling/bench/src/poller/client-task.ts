import type { PlannedStart } from "./start-plan.js";
import type { FlavourName } from "./flavours.js";

/**
 * The pollers under test: @lro/core on its default undici transport or on global fetch, and
 * @azure/core-lro; and the floor, the same HTTP on undici with no poller at all (`floor-client.ts`).
 */
export type ClientName = "lro-core/undici" | "lro-core/fetch" | "azure-core-lro/fetch" | "undici/floor";

/** Start operations spread over time, follow each to its end, and report what each client saw. */
export interface OperationsTask {
  type: "operations";
  client: ClientName;
  graphUrl: string;
  flavour: FlavourName;
  operations: number;
  /** Starts are spread evenly over this many ms. */
  startSpreadMs: number;
  minDurationMs: number;
  maxDurationMs: number;
  retryAfterSeconds?: number | undefined;
  /** An operation not settled this long after its start counts as a timeout. */
  capMs: number;
  seed: number;
}

/** Follow long operations at a fixed interval and measure CPU per poll over a window. */
export interface SteadyTask {
  type: "steady";
  client: ClientName;
  graphUrl: string;
  flavour: FlavourName;
  operations: number;
  intervalMs: number;
  warmupMs: number;
  windowMs: number;
}

export type ClientTask = OperationsTask | SteadyTask;

/** How one operation ended, as its client saw it. */
export interface Observation {
  /** The monitor's address, where the client exposes it cheaply; else the operation's id. */
  monitorUrl: string | undefined;
  operationId: string | undefined;
  startedAt: number;
  settledAt: number;
  outcome: "succeeded" | "failed" | "error" | "timeout";
  message?: string | undefined;
}

/** What an operations task sends back. */
export interface OperationsResult {
  observations: Observation[];
  cpuMs: number;
  wallMs: number;
  peakRssMb: number;
  /** How late the client's event loop ran (timers included): a busy client polls late. */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

/** What a steady task sends back. */
export interface SteadyResult {
  polls: number;
  cpuMs: number;
  wallMs: number;
  peakRssMb: number;
}

/** How one client follows operations, for each kind of task (its module is the only client a process loads). */
export interface ClientFollowers {
  operations: (task: OperationsTask, start: PlannedStart) => Promise<Observation>;
  /** Follows one long operation at the task's fixed interval until `signal` aborts; settles, never rejects. */
  steady: (task: SteadyTask, index: number, signal: AbortSignal) => Promise<unknown>;
}
