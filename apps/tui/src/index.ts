// The command line, callable in-process (lro-demo runs it in front of the proxy it starts).
export { main } from "./cli/main.js";
export type { MainOptions } from "./cli/main.js";
export type { CliStreams } from "./cli/streams.js";
export type { Environment } from "./cli/arguments.js";
