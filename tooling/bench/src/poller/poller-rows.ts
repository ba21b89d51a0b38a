import type { OperationRecord, RequestCount } from "@lro/simulator";
import { maximum, mean, percentile, rounded } from "../stats/summary.js";
import type { ClientName, OperationsResult, OperationsTask } from "./client-task.js";
import { flavours } from "./flavours.js";
import { lagOf, recordFinder } from "./join-records.js";
import type { Lag } from "./join-records.js";
import { clientRequests, monitorPolls } from "./request-counts.js";

/** One client's figures on one scenario. Lag: client saw the end minus the upstream end (simulator record). */
export interface OperationsRow {
  client: ClientName;
  flavour: string;
  monitorHeader: string;
  operations: number;
  /** Settled with the upstream's final status, at or after the upstream end. */
  correct: number;
  /** Reported the final status before the operation ended upstream. */
  early: number;
  /** Reported another final status than the upstream's. */
  wrongStatus: number;
  timeouts: number;
  errors: number;
  firstError: string | null;
  pollsPerOperation: number | null;
  requestsPerOperation: number | null;
  lagMeanMs: number | null;
  lagP50Ms: number | null;
  lagP99Ms: number | null;
  lagMaxMs: number | null;
  /** Mean of the terminal poll's time minus the upstream end (the pacing's share of the lag). */
  pacingLagMeanMs: number | null;
  /** Mean of the client settling minus the terminal poll (the client's own delay). */
  clientDelayMeanMs: number | null;
  /** The client's event-loop delay over the run (p99 and max): a busy client polls late. */
  eventLoopDelayP99Ms: number | null;
  eventLoopDelayMaxMs: number | null;
  cpuPerOperationMs: number | null;
  cpuPerRequestUs: number | null;
  peakRssMb: number | null;
  wallSeconds: number | null;
  /** The simulator's CPU over the run, in % of one core: near 100 means the upstream was the bottleneck. */
  simulatorCpuPercent: number | null;
}

const defined = (values: (number | undefined)[]) =>
  values.filter((value): value is number => value !== undefined);

/** Joins what the client saw with the simulator's records and counters. */
export function operationsRow(
  task: OperationsTask,
  result: OperationsResult,
  records: readonly OperationRecord[],
  counts: readonly RequestCount[],
  simulatorCpuMs: number,
): OperationsRow {
  const find = recordFinder(records);
  const lags: Lag[] = [];
  let early = 0;
  let wrongStatus = 0;
  for (const observation of result.observations) {
    const record = find(observation);
    if (!record || (observation.outcome !== "succeeded" && observation.outcome !== "failed")) continue;
    if (observation.outcome !== record.finalStatus) wrongStatus += 1;
    else if (observation.settledAt < record.terminalAt) early += 1;
    else lags.push(lagOf(observation, record));
  }
  const totals = lags.map((lag) => lag.totalMs);
  const errors = result.observations.filter((observation) => observation.outcome === "error");
  const requests = clientRequests(counts);
  return {
    client: task.client,
    flavour: task.flavour,
    monitorHeader: flavours[task.flavour].monitorHeader,
    operations: task.operations,
    correct: lags.length,
    early,
    wrongStatus,
    timeouts: result.observations.filter((observation) => observation.outcome === "timeout").length,
    errors: errors.length,
    firstError: errors[0]?.message ?? null,
    pollsPerOperation: rounded(monitorPolls(counts) / task.operations, 2),
    requestsPerOperation: rounded(requests / task.operations, 2),
    lagMeanMs: rounded(mean(totals)),
    lagP50Ms: rounded(percentile(totals, 0.5)),
    lagP99Ms: rounded(percentile(totals, 0.99)),
    lagMaxMs: rounded(maximum(totals)),
    pacingLagMeanMs: rounded(mean(defined(lags.map((lag) => lag.pacingMs)))),
    clientDelayMeanMs: rounded(mean(defined(lags.map((lag) => lag.clientMs)))),
    eventLoopDelayP99Ms: rounded(result.eventLoopDelayP99Ms, 0),
    eventLoopDelayMaxMs: rounded(result.eventLoopDelayMaxMs, 0),
    cpuPerOperationMs: rounded(result.cpuMs / task.operations, 3),
    cpuPerRequestUs: rounded((result.cpuMs * 1000) / requests),
    peakRssMb: rounded(result.peakRssMb),
    wallSeconds: rounded(result.wallMs / 1000),
    simulatorCpuPercent: rounded((simulatorCpuMs / result.wallMs) * 100, 0),
  };
}

/** The row of a run whose client process had to be stopped: every operation counts as an error. */
export function abandonedRow(task: OperationsTask, message: string): OperationsRow {
  return {
    client: task.client,
    flavour: task.flavour,
    monitorHeader: flavours[task.flavour].monitorHeader,
    operations: task.operations,
    correct: 0,
    early: 0,
    wrongStatus: 0,
    timeouts: 0,
    errors: task.operations,
    firstError: message,
    pollsPerOperation: null,
    requestsPerOperation: null,
    lagMeanMs: null,
    lagP50Ms: null,
    lagP99Ms: null,
    lagMaxMs: null,
    pacingLagMeanMs: null,
    clientDelayMeanMs: null,
    eventLoopDelayP99Ms: null,
    eventLoopDelayMaxMs: null,
    cpuPerOperationMs: null,
    cpuPerRequestUs: null,
    peakRssMb: null,
    wallSeconds: null,
    simulatorCpuPercent: null,
  };
}
