import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startSimulator } from "@lro/simulator";
import type { Simulator } from "@lro/simulator";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "./test-support/bundle.js";

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
    `SKIPPED the headless-browser test: no Chromium at ${executablePath} ` +
      "(install it with `apt-get install -y chromium`, or set LRO_CHROMIUM to a Chromium binary)",
  );

let simulator: Simulator;
let pageServer: Server;
let pageOrigin: string;
let browser: Browser;

/** Serves the page and its bundled script from an origin of its own, so every call to the simulator is cross-origin. */
async function servePage(script: string): Promise<string> {
  pageServer = createServer((request, response) => {
    if (request.url === "/page.js")
      return void response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    response
      .writeHead(200, { "content-type": "text/html" })
      .end('<!doctype html><title>lro</title><script type="module" src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
}

describe.skipIf(!installed)(`@lro/core in headless Chromium (${executablePath})`, () => {
  beforeAll(async () => {
    simulator = await startSimulator();
    pageOrigin = await servePage((await bundle("browser/test-support/page.ts", "browser")).code);
    browser = await chromium.launch({ executablePath, args: chromiumArgs, timeout: 60_000 });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await simulator?.close();
    await new Promise((resolve) => pageServer?.close(resolve));
  });

  it("a page that bundles @lro/core starts and polls operations on the simulator and shows their ends", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${pageOrigin}/?graph=${encodeURIComponent(simulator.url)}`);
    await page.locator("#done").waitFor({ timeout: 30_000 });
    const read = async (id: string) => JSON.parse((await page.locator(`#${id}`).textContent()) ?? "null");
    expect(problems).toEqual([]);
    const printer = await read("printer");
    expect(printer).toMatchObject({ end: "succeeded", succeeded: true, kind: "printerCreateOperation" });
    expect(printer.seen).toContain("running");
    expect(await read("copy")).toMatchObject({ end: "succeeded", kind: "asyncJobStatus" });
    expect(await read("failure")).toMatchObject({ error: "OperationFailedError" });
    // The polls came from the page's origin, to both of the simulator's origins.
    const polled = simulator.operations().map((operation) => operation.pollTimes.length);
    expect(polled.every((count) => count >= 1)).toBe(true);
    expect(
      simulator
        .operations()
        .map((operation) => operation.action)
        .sort(),
    ).toEqual(["driveItem.copy", "printer.create", "printer.create"]);
    await page.close();
  }, 60_000);
});
