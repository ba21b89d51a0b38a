import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ScenarioOptions } from "@lro/simulator";
import { startSimulator } from "@lro/simulator";
import { parseConfig, startProxy } from "lro-proxy";

export const stackApiKey = "demo-test-key-0123456789abcdef";

/** The real simulator and the real lro-proxy in front of it, both on 127.0.0.1 port 0, polling fast. */
export async function startStack(defaults: ScenarioOptions = {}) {
  const simulator = await startSimulator({ defaults });
  const dataDir = await mkdtemp(join(tmpdir(), "lro-demo-test-"));
  const config = parseConfig({
    argv: [
      ...["--upstream", simulator.url, "--port", "0", "--data-dir", dataDir, "--api-key", stackApiKey],
      ...["--allow-origin", "http://127.0.0.1:*", "--log-level", "silent", "--shutdown-timeout", "1s"],
    ],
  });
  const proxy = await startProxy(config, {
    tracker: {
      pollOptions: { interval: 50, minInterval: 10, maxDelay: 200, retryDelay: 20, adaptive: false },
    },
  });
  return {
    simulator,
    proxy,
    /** Starts an operation through the proxy (which takes it over); resolves with the proxy's operation id. */
    async start(path: string, scenario: ScenarioOptions = {}): Promise<string> {
      const response = await fetch(`${proxy.url}${path}`, {
        method: "POST",
        headers: {
          "x-api-key": stackApiKey,
          authorization: "Bearer graph-token-for-the-simulator",
          "content-type": "application/json",
          "x-simulator-scenario": JSON.stringify(scenario),
        },
        body: JSON.stringify({ displayName: "Copy" }),
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 202 || body.id === undefined) {
        throw new Error(`the proxy answered ${response.status}: ${JSON.stringify(body)}`);
      }
      return body.id;
    },
    async close() {
      await proxy.close();
      await simulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
