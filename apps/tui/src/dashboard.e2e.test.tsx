import { render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "./app.js";
import { catalogs } from "./i18n/languages.js";
import { createTranslator } from "./i18n/translator.js";
import { shortId } from "./format/short-id.js";
import { main } from "./cli/main.js";
import { createProxySource } from "./sources/proxy-source.js";
import { createFakeStreams } from "./test-support/fake-streams.js";
import { stackApiKey, startStack } from "./test-support/start-stack.js";
import { waitForFrame } from "./test-support/wait-for-frame.js";

let stack: Awaited<ReturnType<typeof startStack>> | undefined;
let instance: ReturnType<typeof render> | undefined;
afterEach(async () => {
  instance?.unmount();
  await stack?.close();
});

describe("the dashboard on the real proxy and simulator", () => {
  it("shows an operation started through the proxy go from running to succeeded, live", async () => {
    stack = await startStack();
    const id = await stack.start("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", {
      durationMs: 2500,
      progress: "linear",
    });
    const source = createProxySource({ proxyUrl: new URL(stack.proxy.url), apiKey: stackApiKey });
    const display = { translate: createTranslator(catalogs.en), color: false };
    instance = render(<App source={source} display={display} size={{ columns: 100, rows: 30 }} />);
    const running = await waitForFrame(
      instance.lastFrame,
      (frame) => frame.includes("● live") && /▶ running +█*░+ +\d+%/.test(frame),
      5000,
    );
    expect(running).toContain(shortId(id));
    const done = await waitForFrame(instance.lastFrame, (frame) => frame.includes("✔ succeeded"), 8000);
    expect(done).toMatch(/✔ succeeded +██████████ 100%/);
    expect(done).toMatch(/^● live +✔ 1 succeeded/);
    expect(done).toContain("operations: 1");

    instance.stdin.write("\r");
    const detail = await waitForFrame(instance.lastFrame, (frame) => frame.includes("Timeline"));
    expect(detail).toContain(`Operation ${id}`);
    const monitor = stack.simulator.operations()[0]?.monitorUrl ?? "";
    expect(detail.replace(/[│\s]+/g, "")).toContain(monitor.replace(/\s+/g, ""));
    expect(detail).toMatch(/▶ running[\s\S]*✔ succeeded/);
  }, 20_000);

  it("deletes an operation from the proxy on d then y", async () => {
    stack = await startStack();
    const id = await stack.start("/v1.0/teams/team-1/clone", { durationMs: 60_000 });
    const source = createProxySource({ proxyUrl: new URL(stack.proxy.url), apiKey: stackApiKey });
    const display = { translate: createTranslator(catalogs.en), color: false };
    instance = render(<App source={source} display={display} size={{ columns: 100, rows: 20 }} />);
    await waitForFrame(
      instance.lastFrame,
      (frame) => frame.includes(shortId(id)) && frame.includes("● live"),
    );
    instance.stdin.write("d");
    await waitForFrame(instance.lastFrame, (frame) => frame.includes(`Delete ${shortId(id)} from the proxy`));
    instance.stdin.write("y");
    await waitForFrame(instance.lastFrame, (frame) => frame.includes("No operations yet."));
    const answer = await fetch(`${stack.proxy.url}/operations/${id}`, {
      headers: { "x-api-key": stackApiKey },
    });
    expect(answer.status).toBe(404);
  }, 20_000);

  it("prints the proxy's operations as NDJSON once they all finished, for scripts (--wait --json)", async () => {
    stack = await startStack();
    await stack.start("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", { durationMs: 300 });
    await stack.start("/v1.0/teams/team-1/clone", {
      durationMs: 300,
      outcome: "failed",
      error: { code: "teamCloneFailed", message: "No licence" },
    });
    const { streams, stdoutText } = createFakeStreams();
    const status = await main(
      ["--proxy", stack.proxy.url, "--wait", "--json"],
      { LRO_API_KEY: stackApiKey },
      streams,
    );
    const lines = stdoutText()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.kind, line.status]).sort()).toEqual([
      ["richLongRunningOperation", "succeeded"],
      ["teamsAsyncOperation", "failed"],
    ]);
    const failed = lines.find((line) => line.status === "failed");
    expect(failed).toMatchObject({ error: { code: "teamCloneFailed" }, rawStatus: "failed" });
    expect(status).toBe(1);
  }, 20_000);
});
