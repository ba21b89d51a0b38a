import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { demoOperations } from "./demo-operations.js";
import { runDemo } from "./run-demo.js";
import { createFakeStreams } from "./test-support/fake-streams.js";

describe("runDemo", () => {
  it("starts the stack and prints every demo operation through lro-tui on the proxy, then stops it", async () => {
    const { streams, stdoutText, stderrText } = createFakeStreams();
    const status = await runDemo(["--port", "0", "--once", "--json"], {}, streams);
    const lines = stdoutText().trimEnd().split("\n");
    expect(stderrText()).toBe("");
    // Nothing has finished yet: lro-tui's exit status says not every operation succeeded.
    expect(status).toBe(1);
    expect(lines).toHaveLength(demoOperations.length);
    const kinds = new Set(lines.map((line) => (JSON.parse(line) as { kind: string }).kind));
    expect(kinds.size).toBeGreaterThan(5);
    for (const kind of ["caseOperation", "placeOperation", "commsOperation", "configurationSnapshotJob"])
      expect(kinds).toContain(kind);
  }, 20_000);

  it("passes a key that starts with a dash to the proxy and the dashboard as a key, not an option", async () => {
    // A random base64url key starts with "-" one time in 64: the demo must start all the same.
    const { streams, stdoutText, stderrText } = createFakeStreams();
    const status = await runDemo(
      ["--port", "0", "--once", "--json", "--api-key=-Dash_first-key-0123456789"],
      {},
      streams,
    );
    expect(stderrText()).toBe("");
    expect(status).toBe(1);
    expect(stdoutText().trimEnd().split("\n")).toHaveLength(demoOperations.length);
  }, 20_000);

  it("says when the port is taken, and exits 1 without starting anything", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const { streams, stderrText } = createFakeStreams();
      expect(await runDemo(["--port", String(port), "--once"], {}, streams)).toBe(1);
      expect(stderrText()).toBe(
        `lro-demo could not start: port ${port} is in use: pass --port with another port, or --port 0 for a free one\n`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 20_000);

  it("refuses bad arguments with exit status 2 and prints its usage on --help", async () => {
    const bad = createFakeStreams();
    expect(await runDemo(["--port", "65536"], {}, bad.streams)).toBe(2);
    expect(bad.stderrText()).toBe(
      "--port 65536 is not a port; pass a whole number from 0 to 65535 (0 picks a free one).\n",
    );
    const unknown = createFakeStreams();
    expect(await runDemo(["--proxy", "http://127.0.0.1:1"], {}, unknown.streams)).toBe(2);
    expect(unknown.stderrText()).toMatch(/Unknown option '--proxy'.*lro-demo --help/);
    const help = createFakeStreams();
    expect(await runDemo(["--help"], {}, help.streams)).toBe(0);
    expect(help.stdoutText()).toMatch(/^Usage: lro-demo \[options\]/);
  });
});
