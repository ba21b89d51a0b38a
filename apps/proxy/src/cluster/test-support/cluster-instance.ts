import { parseConfig } from "../../config.js";
import { startProxy } from "../../lifecycle/start-proxy.js";
import { createLogger } from "../../observability/logger.js";

/**
 * One proxy instance in a process of its own, for the cluster tests: `main(flags)` starts the proxy
 * with these `lro-proxy` flags and writes `{"url": ...}` on stdout once it listens. SIGTERM stops it
 * gracefully; the tests also end it with SIGKILL.
 */
export async function main(flags: string[]): Promise<void> {
  const config = parseConfig({ argv: flags });
  const proxy = await startProxy(config, { logger: createLogger({ level: config.logLevel }) });
  process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);
  process.once("SIGTERM", () => void proxy.close().then(() => process.exit(0)));
}
