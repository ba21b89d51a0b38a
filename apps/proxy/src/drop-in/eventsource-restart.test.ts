import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@lro/simulator";
import { EventSource } from "eventsource";
import { afterEach, describe, expect, it } from "vitest";
import { hashApiKey } from "../config.js";
import { startTestProxy, testApiKey, type TestProxy } from "../lifecycle/test-support/test-proxy.js";

const fastPacing = { pollOptions: { interval: 100, minInterval: 20, maxDelay: 400, retryDelay: 20 } };
const secret = "5f".repeat(32);

let simulator: Simulator | undefined;
let proxies: TestProxy[] = [];
let source: EventSource | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  source?.close();
  await Promise.all(proxies.map((proxy) => proxy.close()));
  proxies = [];
  await simulator?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

interface Seen {
  id: number;
  status: string;
}

describe("the eventsource package through a restart of the proxy", () => {
  it("resumes with Last-Event-ID on the restarted proxy and sees the end, nothing lost or repeated", async () => {
    simulator = await startSimulator({ defaults: { durationMs: 4_000 } });
    dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-eventsource-"));
    const settings = ["--data-dir", dataDir, "--stream-token-secret", secret];
    const first = await startTestProxy(simulator.url, settings, { tracker: fastPacing });
    proxies.push(first);
    const port = new URL(first.url).port;

    const started = await fetch(`${first.url}/v1.0/teams/source-team/clone`, {
      method: "POST",
      headers: { "x-api-key": testApiKey, "content-type": "application/json" },
      body: "{}",
    });
    const { id } = (await started.json()) as { id: string };
    // A browser's way in: the stream token, in the URL (signed with the configured key, so it outlives the process).
    const minted = await fetch(`${first.url}/operations/${id}/stream-token`, {
      method: "POST",
      headers: { "x-api-key": testApiKey },
    });
    const { url } = (await minted.json()) as { url: string };

    const seen: Seen[] = [];
    const lastEventIds: Array<string | null> = [];
    let opened = 0;
    let firstSeen!: () => void;
    const running = new Promise<void>((resolve) => (firstSeen = resolve));
    let ended!: (event: Seen) => void;
    const end = new Promise<Seen>((resolve) => (ended = resolve));
    source = new EventSource(url, {
      fetch: (input, init) => {
        lastEventIds.push(new Headers(init.headers).get("last-event-id"));
        return fetch(input, init);
      },
    });
    source.addEventListener("open", () => (opened += 1));
    source.addEventListener("operation", (event) => {
      const data = JSON.parse(event.data) as { id: string; status: string };
      expect(data.id).toBe(id);
      const change = { id: Number(event.lastEventId), status: data.status };
      seen.push(change);
      firstSeen();
      if (data.status === "succeeded" || data.status === "failed") ended(change);
    });

    await running;
    await first.close();
    proxies = [];
    const seenBeforeRestart = seen.length;
    const second = await startTestProxy(simulator.url, [...settings, "--port", port], {
      tracker: fastPacing,
    });
    proxies.push(second);

    const last = await end;
    expect(last.status).toBe("succeeded");
    expect(opened).toBe(2);
    expect(seenBeforeRestart).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(seenBeforeRestart);
    // The reconnection named the last event the first process sent; the second went on from there.
    expect(lastEventIds[0]).toBeNull();
    expect(lastEventIds.at(-1)).toBe(String(seen[seenBeforeRestart - 1]!.id));
    const ids = seen.map((change) => change.id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    // The end seen is the operation's last version in the store: nothing after it was missed.
    const record = await second.store.get(hashApiKey(testApiKey).identity, id);
    expect(record?.version).toBe(last.id);
    expect(record?.operation.status).toBe("succeeded");
  }, 60_000);
});
