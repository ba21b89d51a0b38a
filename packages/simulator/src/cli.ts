#!/usr/bin/env node
import { parseCliArguments, usage } from "./cli/cli-arguments.js";
import { asksForVersion, packageVersion } from "./cli/package-version.js";
import { startSimulator } from "./start-simulator.js";

const parsed = parseCliArguments(process.argv.slice(2));
if (asksForVersion(process.argv.slice(2))) {
  console.log(packageVersion());
} else if (parsed.kind === "help") {
  console.log(usage);
} else if (parsed.kind === "error") {
  console.error(parsed.message);
  process.exitCode = 2;
} else {
  const simulator = await startSimulator(parsed.options);
  console.log(`Graph origin:   ${simulator.url}  (try: curl -i -X POST ${simulator.url}/v1.0/teams/1/clone)`);
  console.log(`Monitor origin: ${simulator.monitorUrl}`);
  console.log(
    `Scenario per request: header x-simulator-scenario; records at ${simulator.url}/_simulator/operations`,
  );
  const stop = (signal: NodeJS.Signals): void => {
    console.log(`Received ${signal}; stopping.`);
    void simulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
