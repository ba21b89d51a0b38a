#!/usr/bin/env node
import { runDemo } from "./run-demo.js";

const status = await runDemo(process.argv.slice(2), process.env, process);
// Keep-alive connection pools would hold the process open: the demo is over, so leave.
process.exit(status);
