import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config.js";
import { startProxy } from "./start-proxy.js";

let dataDir: string;
let occupied: Server;
let occupiedPort: number;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-start-"));
  occupied = createServer();
  await new Promise<void>((listening) => occupied.listen(0, "127.0.0.1", listening));
  occupiedPort = (occupied.address() as { port: number }).port;
});

afterEach(async () => {
  await new Promise((closed) => occupied.close(closed));
  rmSync(dataDir, { recursive: true, force: true });
});

const configOn = (port: number) =>
  parseConfig({
    argv: [
      ...["--upstream", "http://127.0.0.1:9", "--port", String(port), "--data-dir", dataDir],
      ...["--api-key", "start-proxy-test-key-0123456789", "--log-level", "silent"],
    ],
  });

describe("startProxy when it cannot listen", () => {
  it("rejects with the listen error and closes the store, tracker and upstream connections it opened", async () => {
    await expect(startProxy(configOn(occupiedPort))).rejects.toMatchObject({ code: "EADDRINUSE" });
    // The SQLite store holds its directory with an exclusive lock while open: a second start on the same
    // directory succeeds only because the first closed its store.
    const proxy = await startProxy(configOn(0));
    try {
      const answer = await fetch(`${proxy.url}/healthz`);
      expect(answer.status).toBe(200);
      expect(proxy.tracker.isRunning()).toBe(true);
    } finally {
      await proxy.close();
    }
  }, 20_000);
});
