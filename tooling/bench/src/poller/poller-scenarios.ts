import type { ClientName, OperationsTask, SteadyTask } from "./client-task.js";
import type { FlavourName } from "./flavours.js";

type Run = Pick<OperationsTask, "client" | "flavour">;
type Shape = Omit<OperationsTask, "type" | "client" | "flavour" | "graphUrl">;

/** A group of runs under the same load, compared within one table. */
export interface OperationsScenario {
  name: string;
  shape: Shape;
  runs: Run[];
}

const run = (client: ClientName, flavour: FlavourName): Run => ({ client, flavour });

const short: Shape = {
  operations: 1000,
  startSpreadMs: 1000,
  minDurationMs: 1000,
  maxDurationMs: 3000,
  capMs: 30_000,
  seed: 1,
};

/** Issue 3 item 8: short operations with and without Retry-After, 10,000 long ones, Location monitors. */
export const operationsScenarios: OperationsScenario[] = [
  {
    name: "1,000 operations of 1-3 s (started over 1 s), linear progress, no Retry-After",
    shape: short,
    runs: [
      run("lro-core/undici", "onenote"),
      run("lro-core/fetch", "onenote"),
      run("lro-core/undici", "contentTypeCopy"),
      run("lro-core/undici", "community"),
      run("lro-core/fetch", "community"),
      run("azure-core-lro/fetch", "community"),
    ],
  },
  {
    name: "1,000 operations of 1-3 s (started over 1 s), Retry-After: 1 on every non-terminal answer",
    shape: { ...short, retryAfterSeconds: 1 },
    runs: [
      run("lro-core/undici", "onenote"),
      run("lro-core/undici", "community"),
      run("azure-core-lro/fetch", "community"),
    ],
  },
  {
    name: "10,000 concurrent operations of 10-30 s (started over 10 s), linear progress, no Retry-After",
    shape: {
      operations: 10_000,
      startSpreadMs: 10_000,
      minDurationMs: 10_000,
      maxDurationMs: 30_000,
      capMs: 60_000,
      seed: 2,
    },
    runs: [run("lro-core/undici", "onenote"), run("azure-core-lro/fetch", "community")],
  },
  {
    name: "Monitor flavours: 20 operations of 2 s each, per client (capped at 12 s)",
    shape: {
      operations: 20,
      startSpreadMs: 200,
      minDurationMs: 2000,
      maxDurationMs: 2000,
      capMs: 12_000,
      seed: 3,
    },
    runs: (["contentTypeCopy", "driveItemCopy", "onenote", "printer", "community"] as const).flatMap(
      (flavour) => [run("azure-core-lro/fetch", flavour), run("lro-core/undici", flavour)],
    ),
  },
];

/**
 * CPU per request in the 1,000-operation scenario, for the ratio target: one run of a cold process is
 * noisy on a shared machine (the same client moves by a fifth from run to run), so each client runs it in
 * several interleaved rounds on the same flavour (community, the one both pollers follow) and its median
 * is kept. The floor (undici alone, no poller) shows the HTTP stack's own share.
 */
export const cpuComparison = {
  name: "CPU per request: 1,000 operations of 1-3 s (community), interleaved rounds",
  shape: short,
  flavour: "community" as FlavourName,
  clients: ["lro-core/undici", "azure-core-lro/fetch", "undici/floor"] as ClientName[],
  rounds: 5,
};

/** CPU per poll in steady state: the same flavour, interval and number of operations for every client. */
export const steadyTasks: Omit<SteadyTask, "graphUrl">[] = (
  ["lro-core/undici", "lro-core/fetch", "azure-core-lro/fetch", "undici/floor"] as const
).map((client) => ({
  type: "steady",
  client,
  flavour: "community",
  operations: 200,
  intervalMs: 250,
  warmupMs: 1500,
  windowMs: 4000,
}));

/** Rounds of the steady tasks; each client's CPU per poll is the median of its rounds. */
export const steadyRounds = 5;
