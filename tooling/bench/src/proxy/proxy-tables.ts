import type { Column } from "../report/table.js";
import type { CoreFollowedRow } from "./core-followed.js";
import type { FanoutRow } from "./sse-fanout.js";
import type { FollowedRow } from "./followed-operations.js";
import type { ThroughputRow } from "./throughput-comparison.js";

export const throughputColumns: Column<ThroughputRow>[] = [
  { header: "server", cell: (row) => row.server },
  { header: "round", cell: (row) => row.round },
  { header: "req/s", cell: (row) => row.requestsPerSecond },
  { header: "p50 ms", cell: (row) => row.latencyP50Ms },
  { header: "p99 ms", cell: (row) => row.latencyP99Ms },
  { header: "server CPU/request µs", cell: (row) => row.cpuPerRequestUs },
  { header: "errors", cell: (row) => row.errors },
  { header: "non-2xx", cell: (row) => row.non2xx },
];

export const fanoutColumns: Column<FanoutRow>[] = [
  { header: "watchers", cell: (row) => row.watchers },
  { header: "connected", cell: (row) => row.connected },
  { header: "saw end", cell: (row) => row.sawTerminal },
  { header: "events/watcher", cell: (row) => row.eventsPerWatcher },
  { header: "upstream polls (watched)", cell: (row) => row.upstreamPollsWatched },
  { header: "upstream polls (unwatched twin)", cell: (row) => row.upstreamPollsUnwatched },
  { header: "delivery lag mean ms", cell: (row) => row.deliveryLagMeanMs },
  { header: "delivery lag p99 ms", cell: (row) => row.deliveryLagP99Ms },
];

export const followedColumns: Column<FollowedRow>[] = [
  { header: "operations", cell: (row) => row.operations },
  { header: "adopt s", cell: (row) => row.adoptSeconds },
  { header: "adopts/s first 10%", cell: (row) => row.adoptsPerSecondFirstTenth },
  { header: "adopts/s last 10%", cell: (row) => row.adoptsPerSecondLastTenth },
  { header: "heap KB/op", cell: (row) => row.heapPerOperationKb },
  { header: "RSS KB/op", cell: (row) => row.rssPerOperationKb },
  { header: "RSS MB", cell: (row) => row.rssMb },
  { header: "upstream polls/s", cell: (row) => row.upstreamPollsPerSecond },
  { header: "proxy CPU %", cell: (row) => row.proxyCpuPercent },
  { header: "CPU/poll µs", cell: (row) => row.proxyCpuPerPollUs },
];

export const coreFollowedColumns: Column<CoreFollowedRow>[] = [
  { header: "operations", cell: (row) => row.operations },
  { header: "started over s", cell: (row) => row.startSeconds },
  { header: "upstream polls/s", cell: (row) => row.upstreamPollsPerSecond },
  { header: "CPU %", cell: (row) => row.cpuPercent },
  { header: "CPU/poll µs", cell: (row) => row.cpuPerPollUs },
];
