import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@lro/simulator";
import { afterEach, describe, expect, it } from "vitest";
import { rawRequest, testApiKey, type RawAnswer } from "./test-support/test-proxy.js";
import { listeningUrl, runProxyCommand, type ProxyCommand } from "./test-support/proxy-command.js";

let simulator: Simulator | undefined;
let command: ProxyCommand | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (command?.child.exitCode === null) command.child.kill("SIGKILL");
  await simulator?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

async function waitingRequests(url: string): Promise<number> {
  const metrics = await rawRequest(`${url}/metrics`);
  const line = metrics.body
    .toString()
    .split("\n")
    .find((candidate) => candidate.startsWith("lro_proxy_waiting_requests "));
  return Number(line?.split(" ")[1] ?? Number.NaN);
}

describe("lro-proxy shutdown", () => {
  it("answers 100 of 100 waiting requests with the operation as it stands, then exits 0", async () => {
    simulator = await startSimulator();
    dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-shutdown-"));
    command = runProxyCommand(["--upstream", simulator.url, "--port", "0", "--data-dir", dataDir], {
      LRO_PROXY_API_KEY: testApiKey,
    });
    const url = await listeningUrl(command);
    const headers = { "x-api-key": testApiKey };
    const started = await rawRequest(`${url}/v1.0/teams/t1/clone`, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        "x-simulator-scenario": JSON.stringify({ durationMs: 600_000 }),
      },
      body: "{}",
    });
    expect(started.status).toBe(202);
    const location = started.headers.location!;

    const waiters: Promise<RawAnswer | Error>[] = Array.from({ length: 100 }, () =>
      rawRequest(`${location}?wait=60`, { headers }).catch((error: unknown) => error as Error),
    );
    await expect.poll(() => waitingRequests(url), { timeout: 20_000, interval: 100 }).toBe(100);

    command.child.kill("SIGTERM");
    const answers = await Promise.all(waiters);
    const answered = answers.filter((answer): answer is RawAnswer => !(answer instanceof Error));
    expect(answered).toHaveLength(100);
    for (const answer of answered) {
      expect(answer.status).toBe(200);
      expect(answer.json<{ status: string }>().status).toMatch(/^(notStarted|running)$/);
      expect(answer.headers["retry-after"]).toBeDefined();
    }
    expect(await command.exited).toBe(0);
  }, 60_000);
});
