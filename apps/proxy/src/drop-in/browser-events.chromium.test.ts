import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startSimulator, type Simulator } from "@lro/simulator";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProxy, testApiKey, type TestProxy } from "../lifecycle/test-support/test-proxy.js";

// Debian's chromium, driven by playwright-core: nothing is downloaded. LRO_CHROMIUM names another binary.
const executablePath = process.env["LRO_CHROMIUM"] ?? "/usr/bin/chromium";
const installed = existsSync(executablePath);
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

// CI sets LRO_REQUIRE_CHROMIUM: there a missing browser fails instead of skipping.
it.runIf(!installed && process.env["LRO_REQUIRE_CHROMIUM"] === "1")(
  "has Chromium installed (LRO_REQUIRE_CHROMIUM)",
  () => {
    expect.fail(`LRO_REQUIRE_CHROMIUM is set but there is no Chromium at ${executablePath}`);
  },
);

if (!installed)
  console.warn(
    `SKIPPED the proxy's headless-browser test: no Chromium at ${executablePath} ` +
      "(install it with `apt-get install -y chromium`, or set LRO_CHROMIUM to a Chromium binary)",
  );

let simulator: Simulator;
let proxy: TestProxy;
let pageServer: Server;
let pagePort: number;
let browser: Browser;

/** What the page reports of its run through the proxy. */
interface PageRun {
  started: {
    status: number;
    location: string | null;
    operationLocation: string | null;
    requestId: string | null;
  };
  fetched: { status: number; body: { id: string; status: string } };
  minted: { status: number; body: { token: string; url: string; expiresDateTime: string } };
  withoutToken: { readyState: number; errored: boolean };
  events: Array<{ type: string; lastEventId: string; status: string; id: string }>;
}

describe.skipIf(!installed)(`lro-proxy from a page in headless Chromium (${executablePath})`, () => {
  beforeAll(async () => {
    // The page is served from an origin of its own: every call to the proxy is cross-origin.
    pageServer = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>lro</title>");
    });
    await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
    pagePort = (pageServer.address() as AddressInfo).port;
    simulator = await startSimulator({ defaults: { durationMs: 1_500 } });
    proxy = await startTestProxy(simulator.url, ["--cors-origin", `http://127.0.0.1:${pagePort}`], {
      tracker: { pollOptions: { interval: 100, minInterval: 20, maxDelay: 400, retryDelay: 20 } },
    });
    browser = await chromium.launch({ executablePath, args: chromiumArgs, timeout: 60_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await simulator?.close();
    await new Promise((resolve) => pageServer?.close(resolve));
  });

  it("a page on a configured origin starts an operation, mints a stream token and follows its events to the end", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`http://127.0.0.1:${pagePort}/`);

    const run = await page.evaluate(
      async ({ proxyUrl, apiKey }): Promise<PageRun> => {
        // A Graph call through the proxy, as a Graph client in the page would make it (preflighted).
        const startedAnswer = await fetch(`${proxyUrl}/v1.0/teams/source-team/clone`, {
          method: "POST",
          headers: {
            "X-API-Key": apiKey,
            Authorization: "Bearer graph-token-of-the-page",
            "Content-Type": "application/json",
            "client-request-id": "page-request-1",
          },
          body: JSON.stringify({ displayName: "copy", partsToClone: "apps" }),
        });
        const location = startedAnswer.headers.get("Location");
        const started = {
          status: startedAnswer.status,
          location,
          operationLocation: startedAnswer.headers.get("Operation-Location"),
          requestId: startedAnswer.headers.get("request-id"),
        };
        const fetchedAnswer = await fetch(location ?? "", { headers: { "X-API-Key": apiKey } });
        const fetched = {
          status: fetchedAnswer.status,
          body: (await fetchedAnswer.json()) as PageRun["fetched"]["body"],
        };
        const mintedAnswer = await fetch(`${location ?? ""}/stream-token`, {
          method: "POST",
          headers: { "X-API-Key": apiKey },
        });
        const minted = {
          status: mintedAnswer.status,
          body: (await mintedAnswer.json()) as PageRun["minted"]["body"],
        };

        // Without a token an EventSource cannot authenticate: the proxy refuses and the browser gives up.
        const withoutToken = await new Promise<PageRun["withoutToken"]>((resolve) => {
          const source = new EventSource(`${location ?? ""}/events`);
          source.onerror = () => {
            resolve({ readyState: source.readyState, errored: true });
            source.close();
          };
        });

        const events = await new Promise<PageRun["events"]>((resolve, reject) => {
          const seen: PageRun["events"] = [];
          const source = new EventSource(minted.body.url);
          const timer = setTimeout(() => {
            source.close();
            reject(new Error(`no end within 30 s; saw ${JSON.stringify(seen)}`));
          }, 30_000);
          source.addEventListener("operation", (event) => {
            const message = event as Event & { data: string; lastEventId: string };
            const data = JSON.parse(message.data) as { id: string; status: string };
            seen.push({
              type: message.type,
              lastEventId: message.lastEventId,
              status: data.status,
              id: data.id,
            });
            if (["succeeded", "failed"].includes(data.status)) {
              clearTimeout(timer);
              source.close();
              resolve(seen);
            }
          });
          source.onerror = () => {
            if (source.readyState === EventSource.CLOSED) {
              clearTimeout(timer);
              reject(new Error(`the stream was refused; saw ${JSON.stringify(seen)}`));
            }
          };
        });
        return { started, fetched, minted, withoutToken, events };
      },
      { proxyUrl: proxy.url, apiKey: testApiKey },
    );

    expect(problems).toEqual([]);
    expect(run.started.status).toBe(202);
    const id = run.fetched.body.id;
    expect(run.started.location).toBe(`${proxy.url}/v1.0/operations/${id}`);
    expect(run.started.operationLocation).toBe(run.started.location);
    expect(run.started.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.fetched.status).toBe(200);
    expect(run.minted.status).toBe(200);
    expect(run.minted.body.url).toBe(
      `${proxy.url}/v1.0/operations/${id}/events?streamToken=${run.minted.body.token}`,
    );
    expect(run.withoutToken).toEqual({ readyState: 2, errored: true });

    // Every event is this operation's, in increasing order, ending with its success.
    expect(run.events.every((event) => event.id === id)).toBe(true);
    const ids = run.events.map((event) => Number(event.lastEventId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.events.at(-1)?.status).toBe("succeeded");
    expect(run.events.length).toBeGreaterThan(1);
    // One operation upstream, polled by the proxy on the page's behalf.
    expect(simulator.operations()).toHaveLength(1);
    expect(simulator.operations()[0]?.polls).toBeGreaterThan(0);
    await page.close();
  }, 60_000);

  it("a page on another origin gets nothing: the browser blocks its calls", async () => {
    const page = await browser.newPage();
    // localhost is another origin than 127.0.0.1, though the same server.
    await page.goto(`http://localhost:${pagePort}/`);
    const outcome = await page.evaluate(
      async ({ proxyUrl, apiKey }) => {
        try {
          const answer = await fetch(`${proxyUrl}/operations`, { headers: { "X-API-Key": apiKey } });
          return `answered ${answer.status}`;
        } catch (error) {
          return `blocked: ${(error as Error).name}`;
        }
      },
      { proxyUrl: proxy.url, apiKey: testApiKey },
    );
    expect(outcome).toBe("blocked: TypeError");
    await page.close();
  }, 60_000);
});
