import { describeMachine } from "../report/machine.js";
import { writeResults } from "../report/results-file.js";
import { printTable } from "../report/table.js";
import type { TargetCheck } from "../targets.js";
import { runClusterSuite } from "./cluster-suite.js";
import { clusterTargets } from "./cluster-targets.js";

/** Runs the cluster suite alone: `node dist/cluster/cluster-main.js` (the same as `pnpm bench cluster`). */
const machine = describeMachine();
const startedAt = new Date().toISOString();
const cluster = await runClusterSuite();
const targets = clusterTargets(cluster);
printTable(
  "Targets",
  [
    { header: "target", cell: (check: TargetCheck) => check.target },
    { header: "measured", cell: (check) => check.measured },
    { header: "met", cell: (check) => (check.met ? "yes" : "NO") },
  ],
  targets,
);
console.log(
  `\nResults written to ${await writeResults({ cluster: { startedAt, machine, loadAverageAfter: describeMachine().loadAverage, ...cluster, targets } })}`,
);
