// The command line, callable in-process (lro-demo runs it in front of the proxy it starts).
export { main } from "./cli/main.js";
export type { MainOptions } from "./cli/main.js";
export type { CliStreams } from "./cli/streams.js";
export type { Environment } from "./cli/arguments.js";
// Waiting for output to drain before exiting (a pipe takes 64 KiB at a time).
export { drain } from "./cli/run-cli.js";
