import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator } from "@lro/simulator";
import { parseConfig, startProxy } from "lro-proxy";
import { demoOperations } from "./demo-operations.js";
import { startDemoOperation } from "./start-demo-operation.js";

export interface DemoOptions {
  /** Keep starting a new operation every `everyMs` (the interactive demo); otherwise only the first batch. */
  continuous: boolean;
  everyMs?: number;
  /** How many operations at most, first batch included. */
  limit?: number;
  /** The proxy's port (default 0: a free one) and API key (default: a random one). */
  port?: number;
  apiKey?: string;
}

export interface DemoSession {
  /** The proxy's address and key, for the dashboard, a second dashboard or curl while the demo runs. */
  proxyUrl: string;
  apiKey: string;
  close(): Promise<void>;
}

/** Polls every second so progress moves visibly; Graph's own pacing applies outside the demo. */
const demoPacing = { interval: 1000, minInterval: 250, maxDelay: 2000, adaptive: false };

/**
 * The whole stack in one process: @lro/simulator as Graph (port 0), lro-proxy in front of it (port 0,
 * a temporary SQLite directory, a random API key, silent logs) and a mix of operations started through the
 * proxy; the dashboard is lro-tui pointed at the proxy (see run-demo.ts).
 */
export async function startDemo(options: DemoOptions): Promise<DemoSession> {
  const simulator = await startSimulator();
  const dataDir = await mkdtemp(join(tmpdir(), "lro-demo-"));
  const apiKey = options.apiKey ?? randomBytes(24).toString("base64url");
  const config = parseConfig({
    argv: [
      ...[
        "--upstream",
        simulator.url,
        "--port",
        String(options.port ?? 0),
        "--data-dir",
        dataDir,
        // One argument: a random key may start with "-", which would read as an option of its own.
        `--api-key=${apiKey}`,
      ],
      ...["--allow-origin", "http://127.0.0.1:*", "--log-level", "silent", "--shutdown-timeout", "1s"],
    ],
  });
  const proxy = await startProxy(config, { tracker: { pollOptions: demoPacing } }).catch(
    async (error: unknown) => {
      await simulator.close();
      await rm(dataDir, { recursive: true, force: true });
      if ((error as { code?: unknown }).code !== "EADDRINUSE") throw error;
      throw new Error(
        `port ${options.port} is in use: pass --port with another port, or --port 0 for a free one`,
        { cause: error },
      );
    },
  );
  const start = (index: number) => {
    const operation = demoOperations[index % demoOperations.length];
    if (operation === undefined) return Promise.resolve();
    const headers = { "x-api-key": apiKey, authorization: "Bearer demo-token-for-the-simulator" };
    // The proxy takes over what a 202 announces, and an operation a 200 answered under way (a call's
    // media action, a configuration snapshot): every demo operation is the proxy's once started.
    return startDemoOperation(proxy.url, operation, headers, simulator.url).then(() => undefined);
  };
  await Promise.all(demoOperations.map((_, index) => start(index)));
  let count = demoOperations.length;
  const limit = options.limit ?? 60;
  const timer = options.continuous
    ? setInterval(() => {
        if (count >= limit) return;
        start(count).catch(() => undefined);
        count += 1;
      }, options.everyMs ?? 4000)
    : undefined;
  return {
    proxyUrl: proxy.url,
    apiKey,
    async close() {
      clearInterval(timer);
      await proxy.close();
      await simulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
