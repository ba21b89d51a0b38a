import type { Column } from "../report/table.js";
import type { OperationsRow } from "./poller-rows.js";
import type { SteadyRow } from "./steady-row.js";
import type { CpuRoundsRow } from "./cpu-rounds-row.js";

export const operationsColumns: Column<OperationsRow>[] = [
  { header: "client", cell: (row) => row.client },
  { header: "flavour", cell: (row) => row.flavour },
  { header: "monitor", cell: (row) => row.monitorHeader },
  { header: "ops", cell: (row) => row.operations },
  { header: "correct", cell: (row) => row.correct },
  { header: "early", cell: (row) => row.early },
  { header: "wrong", cell: (row) => row.wrongStatus },
  { header: "timeout", cell: (row) => row.timeouts },
  { header: "error", cell: (row) => row.errors },
  { header: "polls/op", cell: (row) => row.pollsPerOperation },
  { header: "req/op", cell: (row) => row.requestsPerOperation },
  { header: "lag mean ms", cell: (row) => row.lagMeanMs },
  { header: "lag p99 ms", cell: (row) => row.lagP99Ms },
  { header: "lag max ms", cell: (row) => row.lagMaxMs },
  { header: "pacing ms", cell: (row) => row.pacingLagMeanMs },
  { header: "client ms", cell: (row) => row.clientDelayMeanMs },
  {
    header: "loop delay p99/max ms",
    cell: (row) => `${row.eventLoopDelayP99Ms ?? "-"}/${row.eventLoopDelayMaxMs ?? "-"}`,
  },
  { header: "CPU/op ms", cell: (row) => row.cpuPerOperationMs },
  { header: "CPU/req µs", cell: (row) => row.cpuPerRequestUs },
  { header: "peak RSS MB", cell: (row) => row.peakRssMb },
  { header: "wall s", cell: (row) => row.wallSeconds },
  { header: "sim CPU %", cell: (row) => row.simulatorCpuPercent },
];

export const steadyColumns: Column<SteadyRow>[] = [
  { header: "client", cell: (row) => row.client },
  { header: "flavour", cell: (row) => row.flavour },
  { header: "ops", cell: (row) => row.operations },
  { header: "interval ms", cell: (row) => row.intervalMs },
  { header: "polls", cell: (row) => row.polls },
  { header: "polls/s", cell: (row) => row.pollsPerSecond },
  { header: "CPU/poll µs (median)", cell: (row) => row.cpuPerPollUs },
  { header: "rounds µs", cell: (row) => row.roundsCpuPerPollUs.join(" / ") },
  { header: "vs azure", cell: (row) => row.ratioToAzure },
  { header: "peak RSS MB", cell: (row) => row.peakRssMb },
];

export const cpuRoundsColumns: Column<CpuRoundsRow>[] = [
  { header: "client", cell: (row) => row.client },
  { header: "flavour", cell: (row) => row.flavour },
  { header: "rounds", cell: (row) => row.rounds },
  { header: "all correct", cell: (row) => (row.allCorrect ? "yes" : "NO") },
  { header: "req/op", cell: (row) => row.requestsPerOperation },
  { header: "CPU/req µs (median)", cell: (row) => row.cpuPerRequestUs },
  { header: "rounds µs", cell: (row) => row.roundsCpuPerRequestUs.map((value) => value ?? "-").join(" / ") },
  { header: "vs azure", cell: (row) => row.ratioToAzure },
];
