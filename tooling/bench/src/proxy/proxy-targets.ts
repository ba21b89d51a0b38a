import type { TargetCheck } from "../targets.js";
import { rounded } from "../stats/summary.js";
import type { ProxySuiteResult } from "./proxy-suite.js";

/** Issue 4 item 9's targets, checked against this run. */
export function proxyTargets(result: ProxySuiteResult): TargetCheck[] {
  const { throughput, fanout, followed, coreFollowed } = result;
  const cpuRatio =
    followed.proxyCpuPerPollUs !== null && coreFollowed.cpuPerPollUs
      ? rounded(followed.proxyCpuPerPollUs / coreFollowed.cpuPerPollUs, 2)
      : null;
  return [
    {
      target: "GET /operations/{id} req/s >= 70% of an Express hello world",
      measured:
        `${throughput.proxyMedian} vs ${throughput.baselineMedian} req/s (${throughput.ratio}×); ` +
        `server CPU ${throughput.proxyCpuPerRequestUs} vs ${throughput.baselineCpuPerRequestUs} µs/request`,
      met: (throughput.ratio ?? 0) >= 0.7,
    },
    {
      target: "1,000 SSE watchers of one operation cost one upstream poll stream",
      measured: `${fanout.upstreamPollsWatched} polls watched vs ${fanout.upstreamPollsUnwatched} unwatched; ${fanout.sawTerminal}/${fanout.watchers} saw the end`,
      met:
        fanout.sawTerminal === fanout.watchers &&
        fanout.upstreamPollsWatched <= fanout.upstreamPollsUnwatched + 1,
    },
    {
      target:
        "10,000 followed operations in one process: memory per operation and upstream polls/s (reported)",
      measured: `${followed.heapPerOperationKb} KB heap/op, ${followed.rssPerOperationKb} KB RSS/op, ${followed.upstreamPollsPerSecond} polls/s`,
      met: followed.upstreamPollsPerSecond !== null && followed.heapPerOperationKb !== null,
    },
    {
      target:
        "10,000 followed operations in one process: proxy CPU per upstream poll <= 2x @lro/core's alone",
      measured: `${followed.proxyCpuPerPollUs} vs ${coreFollowed.cpuPerPollUs} µs/poll (${cpuRatio}×)`,
      met: cpuRatio !== null && cpuRatio <= 2,
    },
  ];
}
