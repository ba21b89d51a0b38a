#!/usr/bin/env node
import { ConfigError, parseCommandLine, usage } from "./config.js";
import { asksForVersion, packageVersion } from "./lifecycle/package-version.js";
import { startProxy, type RunningProxy } from "./lifecycle/start-proxy.js";
import { describeStartupFailure } from "./lifecycle/startup-failure.js";

if (asksForVersion(process.argv.slice(2))) {
  console.log(packageVersion());
  process.exit(0);
}

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

const config = parsed.config;
let proxy: RunningProxy;
try {
  proxy = await startProxy(config, { processMetrics: true });
} catch (error) {
  // One line that says what to do, never a stack trace; the details only for those who ask.
  if (config.logLevel === "debug" || config.logLevel === "trace") console.error(error);
  console.error(`lro-proxy cannot start: ${describeStartupFailure(error, config)}`);
  process.exit(2);
}
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
