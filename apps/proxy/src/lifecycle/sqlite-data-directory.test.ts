import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@lro/simulator";
import { afterEach, describe, expect, it } from "vitest";
import { rawRequest, testApiKey } from "./test-support/test-proxy.js";
import { listeningUrl, runProxyCommand, type ProxyCommand } from "./test-support/proxy-command.js";

let simulator: Simulator | undefined;
let dataDir: string | undefined;
const commands: ProxyCommand[] = [];

afterEach(async () => {
  for (const command of commands.splice(0))
    if (command.child.exitCode === null) command.child.kill("SIGKILL");
  await simulator?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

function start(upstream: string, directory: string): ProxyCommand {
  const command = runProxyCommand(["--upstream", upstream, "--port", "0", "--data-dir", directory], {
    LRO_PROXY_API_KEY: testApiKey,
  });
  commands.push(command);
  return command;
}

describe("lro-proxy on a SQLite data directory (real processes)", () => {
  it("refuses a second process on the same directory with one line and exit 2; the first serves on", async () => {
    simulator = await startSimulator();
    dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-lock-"));
    const first = start(simulator.url, dataDir);
    const url = await listeningUrl(first);

    const second = start(simulator.url, dataDir);
    expect(await second.exited).toBe(2);
    expect(second.errors.join("").trimEnd().split("\n")).toEqual([
      `lro-proxy cannot start: "${dataDir}/operations.db" is in use by another lro-proxy process: stop it first (a supervisor should start the new process once the old one has exited), or give this one another data directory`,
    ]);
    expect((await rawRequest(`${url}/readyz`)).status).toBe(200);
    expect((await rawRequest(`${url}/operations`, { headers: { "x-api-key": testApiKey } })).status).toBe(
      200,
    );
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, "operations.db")).mode & 0o777).toBe(0o600);
  }, 60_000);

  it("after kill -9 and a lost write-ahead log header, refuses to start instead of listing nothing", async () => {
    simulator = await startSimulator();
    dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-wal-"));
    const first = start(simulator.url, dataDir);
    const url = await listeningUrl(first);
    for (let index = 0; index < 40; index += 1) {
      const started = await rawRequest(`${url}/v1.0/teams/t${index}/clone`, {
        method: "POST",
        headers: {
          "x-api-key": testApiKey,
          "content-type": "application/json",
          "x-simulator-scenario": JSON.stringify({ durationMs: 600_000 }),
        },
        body: "{}",
      });
      expect(started.status).toBe(202);
    }
    first.child.kill("SIGKILL");
    await first.exited;
    const wal = join(dataDir, "operations.db-wal");
    expect(existsSync(wal) && statSync(wal).size).toBeGreaterThan(32);
    writeFileSync(wal, Buffer.concat([Buffer.alloc(32), readFileSync(wal).subarray(32)]));

    const second = start(simulator.url, dataDir);
    expect(await second.exited).toBe(2);
    const lines = second.errors.join("").trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `lro-proxy cannot start: the write-ahead log "${wal}" is damaged (its header is not SQLite's), so the changes it holds cannot be read`,
    );
  }, 60_000);
});
