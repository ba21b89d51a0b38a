import { clusterTargets } from "./cluster/cluster-targets.js";
import { runClusterSuite } from "./cluster/cluster-suite.js";
import { runPollerSuite } from "./poller/poller-suite.js";
import { pollerTargets } from "./poller/poller-targets.js";
import { runProxySuite } from "./proxy/proxy-suite.js";
import { proxyTargets } from "./proxy/proxy-targets.js";
import { describeMachine } from "./report/machine.js";
import { writeResults } from "./report/results-file.js";
import { printTable } from "./report/table.js";
import type { TargetCheck } from "./targets.js";

/** Each suite: how to run it and which of its figures are targets. */
const suites = {
  poller: { run: runPollerSuite, targets: pollerTargets },
  proxy: { run: runProxySuite, targets: proxyTargets },
  cluster: { run: runClusterSuite, targets: clusterTargets },
} as const;
type SuiteName = keyof typeof suites;
const suiteNames = Object.keys(suites) as SuiteName[];

function selectedSuites(argv: readonly string[]): SuiteName[] {
  const names = argv.filter((argument) => argument !== "--");
  if (names.length === 0) return suiteNames;
  const unknown = names.filter((name) => !(suiteNames as string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(
      `Unknown suite ${unknown.map((name) => `"${name}"`).join(", ")}; choose from: ${suiteNames.join(", ")} (none: all)`,
    );
  return names as SuiteName[];
}

async function runSuite<Result>(suite: {
  run: () => Promise<Result>;
  targets: (result: Result) => TargetCheck[];
}) {
  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  const result = await suite.run();
  const targets = suite.targets(result);
  return { startedAt, machine, loadAverageAfter: describeMachine().loadAverage, ...result, targets };
}

let selected: SuiteName[];
try {
  selected = selectedSuites(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const results: Record<string, { targets: TargetCheck[] }> = {};
for (const name of selected) {
  console.log(`\n=== ${name} suite ===`);
  if (name === "cluster" && (process.env.LRO_BENCH_DATABASE_URL ?? "").trim() === "") {
    console.log(
      "cluster suite skipped: it needs a PostgreSQL server; set LRO_BENCH_DATABASE_URL=postgres://user@host:5432/db " +
        "(the run creates a database of its own there and drops it afterwards)",
    );
    continue;
  }
  results[name] =
    name === "poller"
      ? await runSuite(suites.poller)
      : name === "proxy"
        ? await runSuite(suites.proxy)
        : await runSuite(suites.cluster);
}
printTable(
  "Targets",
  [
    { header: "target", cell: (check: TargetCheck) => check.target },
    { header: "measured", cell: (check) => check.measured },
    { header: "met", cell: (check) => (check.met ? "yes" : "NO") },
  ],
  Object.values(results).flatMap((result) => result.targets),
);
console.log(`\nResults written to ${await writeResults(results)}`);
