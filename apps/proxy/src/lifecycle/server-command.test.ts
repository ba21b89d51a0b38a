import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import {
  startRecordingUpstream,
  type RecordingUpstream,
} from "../upstream/test-support/recording-upstream.js";
import { rawRequest, testApiKey } from "./test-support/test-proxy.js";

const runner = resolve(import.meta.dirname, "../tracking/test-support/run-typescript.mjs");
const entry = resolve(import.meta.dirname, "test-support/server-entry.ts");

function run(flags: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [runner, entry, ...flags], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  const output: string[] = [];
  const errors: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  lines.on("line", (line) => output.push(line));
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  return { child, output, errors, exited };
}

let upstream: RecordingUpstream | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await upstream?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe("the lro-proxy command", () => {
  it("refuses a bad setting with a message naming it and exit code 2", async () => {
    const command = run(["--api-key", testApiKey], { LRO_PROXY_RETENTION: "forever" });
    expect(await command.exited).toBe(2);
    expect(command.errors.join("")).toContain(
      'lro-proxy cannot start: --retention (LRO_PROXY_RETENTION): expected a duration such as 500ms, 30s, 5m, 24h or 7d, got "forever"',
    );
  }, 30_000);

  it("serves, and on SIGTERM stops gracefully with exit code 0", async () => {
    upstream = await startRecordingUpstream();
    dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-command-"));
    const command = run(
      [
        "--upstream",
        upstream.url,
        "--port",
        "0",
        "--data-dir",
        dataDir,
        "--allow-origin",
        "http://127.0.0.1:*",
      ],
      { LRO_PROXY_API_KEY: testApiKey },
    );
    await expect
      .poll(() => command.output.some((line) => line.includes("lro-proxy listening")), { timeout: 20_000 })
      .toBe(true);
    const listening = JSON.parse(
      command.output.find((line) => line.includes("lro-proxy listening")) ?? "{}",
    ) as { url: string };

    const answer = await rawRequest(`${listening.url}/v1.0/me`, { headers: { "x-api-key": testApiKey } });
    expect(answer.status).toBe(200);

    command.child.kill("SIGTERM");
    expect(await command.exited).toBe(0);
    const logs = command.output.join("\n");
    expect(logs).toContain('"signal":"SIGTERM"');
    expect(logs).toContain("lro-proxy stopped");
    expect(logs).not.toContain(testApiKey);
  }, 30_000);
});
