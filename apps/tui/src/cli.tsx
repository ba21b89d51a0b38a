#!/usr/bin/env node
import { main } from "./cli/main.js";

const status = await main(process.argv.slice(2), process.env, process);
// Keep-alive connection pools would hold the process open: the command is done, so leave.
process.exit(status);
