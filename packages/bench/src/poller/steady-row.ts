import { rounded } from "../stats/summary.js";
import type { ClientName, SteadyResult, SteadyTask } from "./client-task.js";

/** CPU per poll of one client in steady state. */
export interface SteadyRow {
  client: ClientName;
  flavour: string;
  operations: number;
  intervalMs: number;
  polls: number;
  pollsPerSecond: number | null;
  cpuPerPollUs: number | null;
  /** CPU per poll as a fraction of @azure/core-lro's in the same run. */
  ratioToAzure: number | null;
  peakRssMb: number | null;
}

export function steadyRow(task: Omit<SteadyTask, "graphUrl">, result: SteadyResult): SteadyRow {
  return {
    client: task.client,
    flavour: task.flavour,
    operations: task.operations,
    intervalMs: task.intervalMs,
    polls: result.polls,
    pollsPerSecond: rounded(result.polls / (result.wallMs / 1000)),
    cpuPerPollUs: rounded((result.cpuMs * 1000) / result.polls),
    ratioToAzure: null,
    peakRssMb: rounded(result.peakRssMb),
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
