import type { TargetCheck } from "../targets.js";
import type { OperationsRow } from "./poller-rows.js";
import type { PollerSuiteResult } from "./poller-suite.js";

function findRow(result: PollerSuiteResult, scenarioIndex: number, client: string, flavour: string) {
  return result.scenarios[scenarioIndex]?.rows.find(
    (row) => row.client === client && row.flavour === flavour,
  );
}

const complete = (row: OperationsRow) => row.correct === row.operations;

/** The poller's targets (issue 3 item 8, tightened by issue 12), checked against this run. */
export function pollerTargets(result: PollerSuiteResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const short = findRow(result, 0, "lro-core/undici", "onenote");
  if (short)
    checks.push({
      target: "1,000 ops of 1-3 s, linear progress, no Retry-After: mean lag <= 100 ms at <= 4 polls/op",
      measured: `mean lag ${short.lagMeanMs} ms, ${short.pollsPerOperation} polls/op, ${short.correct}/${short.operations} correct`,
      met:
        complete(short) && (short.lagMeanMs ?? Infinity) <= 100 && (short.pollsPerOperation ?? Infinity) <= 4,
    });
  const azure = result.steady.find((row) => row.client === "azure-core-lro/fetch");
  // The floor is a reference (undici with no poller), not a client with a target.
  const pollers = result.steady.filter(
    (steady) => steady.client !== "azure-core-lro/fetch" && steady.client !== "undici/floor",
  );
  for (const row of pollers) {
    // Checked on the exact ratio: one rounded to 0.4 may be over it.
    const ratio =
      azure?.cpuPerPollUs && row.cpuPerPollUs !== null ? row.cpuPerPollUs / azure.cpuPerPollUs : null;
    checks.push({
      target: `steady state: CPU per poll of ${row.client} <= 0.4x @azure/core-lro's on global fetch`,
      measured: `${row.cpuPerPollUs} µs vs ${azure?.cpuPerPollUs} µs (${ratio === null ? "-" : ratio.toFixed(3)}×)`,
      met: ratio !== null && ratio <= 0.4,
    });
  }
  // The same ratio in the 1,000-operation scenario (community for both): the medians of interleaved rounds.
  const ours = result.cpu.find((row) => row.client === "lro-core/undici");
  const theirs = result.cpu.find((row) => row.client === "azure-core-lro/fetch");
  if (ours && theirs) {
    // Checked on the exact ratio: one rounded to 0.4 may be over it.
    const ratio =
      ours.cpuPerRequestUs !== null && theirs.cpuPerRequestUs
        ? ours.cpuPerRequestUs / theirs.cpuPerRequestUs
        : null;
    checks.push({
      target:
        "1,000 ops of 1-3 s: CPU per request of lro-core/undici <= 0.4x @azure/core-lro's on global fetch",
      measured: `median of ${ours.rounds} rounds ${ours.cpuPerRequestUs} µs vs ${theirs.cpuPerRequestUs} µs (${ratio === null ? "-" : ratio.toFixed(3)}×)`,
      met: ratio !== null && ratio <= 0.4 && ours.allCorrect,
    });
  }
  const long = findRow(result, 2, "lro-core/undici", "onenote");
  if (long)
    checks.push({
      target: "10,000 concurrent ops of 10-30 s: p99 lag < 250 ms, peak RSS < 250 MB",
      measured: `p99 lag ${long.lagP99Ms} ms, peak RSS ${long.peakRssMb} MB, ${long.correct}/${long.operations} correct`,
      met: complete(long) && (long.lagP99Ms ?? Infinity) < 250 && (long.peakRssMb ?? Infinity) < 250,
    });
  return checks;
}
