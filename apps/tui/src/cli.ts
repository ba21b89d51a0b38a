#!/usr/bin/env node
import { asksForVersion, packageVersion } from "./cli/package-version.js";

if (asksForVersion(process.argv.slice(2))) {
  console.log(packageVersion());
  process.exit(0);
}
// React and Ink read NODE_ENV when they load: set it first, then load everything else (a static import
// would run before this line). Development builds keep every render's bookkeeping and grow without end.
process.env.NODE_ENV = "production";
// A dashboard holds little (some 5 KB an operation) but every frame makes short-lived garbage (Ink draws
// every cell of the screen). V8 sized for speed grows the young generation to 64 MB and the old one far
// past what is live; a young generation kept at its first size and an old one grown 20% at a time do
// not. With 10,000 operations and 80 keys: 265 MB resident unsized, 126 MB so; --optimize-for-size held
// 121 MB but spent half of every frame collecting garbage (about twice the CPU per key).
const { setFlagsFromString } = await import("node:v8");
setFlagsFromString("--semi-space-growth-factor=1");
setFlagsFromString("--heap-growing-percent=20");

// The dashboard goes further: it restarts on a young generation held at 8 MB (cli/dashboard-heap.ts).
const { runCli } = await import("./cli/run-cli.js");
const { restartWithDashboardHeap } = await import("./cli/dashboard-heap.js");
await runCli(process.argv.slice(2), process.env, process, {
  beforeDashboard: () => restartWithDashboardHeap(process),
});
