import { runPollerSuite } from "./poller/poller-suite.js";
import { pollerTargets } from "./poller/poller-targets.js";
import { describeMachine } from "./report/machine.js";
import { writeResults } from "./report/results-file.js";
import { printTable } from "./report/table.js";
import type { TargetCheck } from "./targets.js";

const suites = ["poller"] as const;
type SuiteName = (typeof suites)[number];

function selectedSuites(argv: readonly string[]): SuiteName[] {
  const names = argv.filter((argument) => argument !== "--");
  if (names.length === 0) return [...suites];
  const unknown = names.filter((name) => !(suites as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(
      `Unknown suite ${unknown.map((name) => `"${name}"`).join(", ")}; choose from: ${suites.join(", ")}`,
    );
  return names as SuiteName[];
}

const selected = selectedSuites(process.argv.slice(2));
const results: Record<string, unknown> = {};
const checks: TargetCheck[] = [];
if (selected.includes("poller")) {
  const machine = describeMachine();
  const poller = await runPollerSuite();
  const targets = pollerTargets(poller);
  checks.push(...targets);
  results["poller"] = {
    measuredAt: new Date().toISOString(),
    machine,
    machineAfter: describeMachine(),
    ...poller,
    targets,
  };
}
printTable(
  "Targets",
  [
    { header: "target", cell: (check: TargetCheck) => check.target },
    { header: "measured", cell: (check) => check.measured },
    { header: "met", cell: (check) => (check.met ? "yes" : "NO") },
  ],
  checks,
);
console.log(`\nResults written to ${await writeResults(results)}`);
