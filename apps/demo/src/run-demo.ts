import type { CliStreams, Environment } from "lro-tui";
import { main } from "lro-tui";
import { DemoUsageError, demoUsage, parseDemoArguments } from "./demo-arguments.js";
import { startDemo } from "./start-demo.js";

/**
 * The whole demo command: starts the simulator, the proxy and the operations, runs lro-tui on the proxy
 * (the header names the proxy and its key, for a second client), and stops everything when it ends.
 * Resolves with the exit status: lro-tui's, 1 when the stack could not start, 2 on bad arguments.
 */
export async function runDemo(
  argv: readonly string[],
  environment: Environment,
  streams: CliStreams,
): Promise<number> {
  let options;
  try {
    options = parseDemoArguments(argv);
  } catch (error) {
    if (!(error instanceof DemoUsageError)) throw error;
    streams.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (options.help) {
    streams.stdout.write(`${demoUsage}\n`);
    return 0;
  }
  const interactive = options.dashboard && streams.stdout.isTTY === true && streams.stdin.isTTY === true;
  let demo;
  try {
    demo = await startDemo({ continuous: interactive, port: options.port, apiKey: options.apiKey });
  } catch (error) {
    streams.stderr.write(`lro-demo could not start: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    return await main(
      // The key as one argument: one that starts with "-" would read as an option of its own.
      ["--proxy", demo.proxyUrl, `--api-key=${demo.apiKey}`, ...options.dashboardArguments],
      environment,
      streams,
      { showProxyInHeader: true },
    );
  } finally {
    await demo.close();
  }
}
