#!/usr/bin/env node
// React and Ink read NODE_ENV when they load: set it first, then load everything else (a static import
// would run before this line). Development builds keep every render's bookkeeping and grow without end.
process.env.NODE_ENV = "production";

const { runCli } = await import("./cli/run-cli.js");
await runCli(process.argv.slice(2), process.env, process);
