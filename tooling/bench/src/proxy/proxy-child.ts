import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, parseConfig, startProxy } from "lro-proxy";
import { processCpuMs, serveQuestions } from "../processes/server-process.js";
import { proxyApiKey } from "./proxy-api-key.js";

/**
 * lro-proxy in its own process, in front of the simulator (argv[2]), loopback allowed, limits raised for
 * load, logs at warn. Answers "memory" with its memory after a full garbage collection (run with --expose-gc).
 */
const upstream = process.argv[2];
if (upstream === undefined) throw new Error("Pass the simulator's origin as the first argument");
const dataDir = mkdtempSync(join(tmpdir(), "lro-bench-proxy-"));
const config = parseConfig({
  argv: [
    ["--upstream", upstream],
    ["--port", "0"],
    ["--data-dir", dataDir],
    ["--api-key", proxyApiKey],
    ["--allow-origin", "http://127.0.0.1:*"],
    ["--allow-address", "127.0.0.1"],
    ["--rate-limit", "1000000"],
    ["--rate-limit-window", "1s"],
    ["--max-operations", "100000"],
    // The fan-out scenario holds 1,000 event streams of one caller (the default allows 20 per caller).
    ["--max-event-streams", "2000"],
    ["--log-level", "warn"],
  ].flat(),
});
const proxy = await startProxy(config, { logger: createLogger({ level: "warn" }) });

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return {
    rssMb: usage.rss / 1_048_576,
    heapUsedMb: usage.heapUsed / 1_048_576,
    externalMb: usage.external / 1_048_576,
  };
}

serveQuestions(
  {
    memory,
    cpu: processCpuMs,
  },
  async () => {
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
);
process.send?.({ url: proxy.url });
