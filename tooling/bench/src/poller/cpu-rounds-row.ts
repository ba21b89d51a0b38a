import { percentile, rounded } from "../stats/summary.js";
import type { ClientName } from "./client-task.js";
import type { OperationsRow } from "./poller-rows.js";

/** One client's CPU per request over interleaved rounds of the same scenario. */
export interface CpuRoundsRow {
  client: ClientName;
  flavour: string;
  /** Rounds that ran (an abandoned round is left out). */
  rounds: number;
  /** Every operation of every round ended with its upstream status. */
  allCorrect: boolean;
  requestsPerOperation: number | null;
  /** The median of the rounds. */
  cpuPerRequestUs: number | null;
  /** Each round's CPU per request. */
  roundsCpuPerRequestUs: (number | null)[];
  /** The median as a fraction of @azure/core-lro's median in the same run. */
  ratioToAzure: number | null;
}

const median = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : rounded(percentile(known, 0.5));
};

/** Each client's rounds summed up, with the ratio of each median to @azure/core-lro's. */
export function cpuRoundsRows(rounds: ReadonlyMap<ClientName, readonly OperationsRow[]>): CpuRoundsRow[] {
  const rows = [...rounds].map(([client, runs]): CpuRoundsRow => {
    const perRequest = runs.map((run) => run.cpuPerRequestUs);
    return {
      client,
      flavour: runs[0]?.flavour ?? "-",
      rounds: runs.length,
      allCorrect: runs.length > 0 && runs.every((run) => run.correct === run.operations),
      requestsPerOperation: median(runs.map((run) => run.requestsPerOperation)),
      cpuPerRequestUs: median(perRequest),
      roundsCpuPerRequestUs: perRequest,
      ratioToAzure: null,
    };
  });
  const azure = rows.find((row) => row.client === "azure-core-lro/fetch")?.cpuPerRequestUs;
  return rows.map((row) => ({
    ...row,
    ratioToAzure: azure && row.cpuPerRequestUs !== null ? rounded(row.cpuPerRequestUs / azure, 3) : null,
  }));
}
