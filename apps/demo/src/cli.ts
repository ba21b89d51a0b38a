#!/usr/bin/env node
// React and Ink (the dashboard) read NODE_ENV when they load: production builds, set before anything loads.
process.env.NODE_ENV = "production";
// As lro-tui's binary: V8 sized for size, or the old generation grows far past what is live.
const { setFlagsFromString } = await import("node:v8");
setFlagsFromString("--optimize-for-size");

const { runDemo } = await import("./run-demo.js");
const { drain } = await import("lro-tui");

const status = await runDemo(process.argv.slice(2), process.env, process);
// Everything printed reaches a pipe or a file first; then leave (keep-alive pools would hold the process).
await Promise.all([drain(process.stdout), drain(process.stderr)]);
process.exit(status);
