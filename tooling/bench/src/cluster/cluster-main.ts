import { describeMachine } from "../report/machine.js";
import { writeResults } from "../report/results-file.js";
import { runClusterSuite } from "./cluster-suite.js";

/** Runs the cluster suite alone: `node dist/cluster/cluster-main.js`. */
const machine = describeMachine();
const cluster = await runClusterSuite();
console.log(
  `\nResults written to ${await writeResults({ cluster: { measuredAt: new Date().toISOString(), machine, machineAfter: describeMachine(), ...cluster } })}`,
);
