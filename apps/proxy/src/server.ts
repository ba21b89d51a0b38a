#!/usr/bin/env node
import { ConfigError, parseCommandLine, usage } from "./config.js";
import { startProxy } from "./lifecycle/start-proxy.js";

let parsed;
try {
  parsed = parseCommandLine({ argv: process.argv.slice(2), env: process.env });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
if (parsed.help) {
  console.log(usage());
  process.exit(0);
}

const proxy = await startProxy(parsed.config, { processMetrics: true });
proxy.logger.info({ url: proxy.url, upstream: parsed.config.upstream.origin }, "lro-proxy listening");

const stop = (signal: NodeJS.Signals) => {
  proxy.logger.info({ signal }, "shutting down");
  proxy.close().then(
    () => process.exit(0),
    (error: unknown) => {
      proxy.logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
