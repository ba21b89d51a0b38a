import { maximum, percentile, rounded } from "../stats/summary.js";
import type { ClientName, SteadyResult, SteadyTask } from "./client-task.js";

/** CPU per poll of one client in steady state, over several rounds. */
export interface SteadyRow {
  client: ClientName;
  flavour: string;
  operations: number;
  intervalMs: number;
  polls: number;
  pollsPerSecond: number | null;
  /** The median of the rounds. */
  cpuPerPollUs: number | null;
  /** Each round's CPU per poll. */
  roundsCpuPerPollUs: (number | null)[];
  /** CPU per poll as a fraction of @azure/core-lro's in the same run (medians). */
  ratioToAzure: number | null;
  peakRssMb: number | null;
}

export function steadyRow(task: Omit<SteadyTask, "graphUrl">, results: readonly SteadyResult[]): SteadyRow {
  const perPoll = results.map((result) => (result.cpuMs * 1000) / result.polls);
  const polls = results.reduce((sum, result) => sum + result.polls, 0);
  const seconds = results.reduce((sum, result) => sum + result.wallMs / 1000, 0);
  return {
    client: task.client,
    flavour: task.flavour,
    operations: task.operations,
    intervalMs: task.intervalMs,
    polls,
    pollsPerSecond: rounded(polls / seconds),
    cpuPerPollUs: rounded(percentile(perPoll, 0.5)),
    roundsCpuPerPollUs: perPoll.map((value) => rounded(value)),
    ratioToAzure: null,
    peakRssMb: rounded(maximum(results.map((result) => result.peakRssMb))),
  };
}

/** Fills each row's ratio to the @azure/core-lro row. */
export function withAzureRatios(rows: SteadyRow[]): SteadyRow[] {
  const azure = rows.find((row) => row.client === "azure-core-lro/fetch")?.cpuPerPollUs;
  return rows.map((row) => ({
    ...row,
    ratioToAzure: azure && row.cpuPerPollUs !== null ? rounded(row.cpuPerPollUs / azure, 2) : null,
  }));
}
