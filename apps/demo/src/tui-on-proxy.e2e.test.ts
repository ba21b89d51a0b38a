import { main } from "lro-tui";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeStreams } from "./test-support/fake-streams.js";
import { stackApiKey, startStack } from "./test-support/start-stack.js";

// lro-tui on the real lro-proxy in front of the real simulator: the apps meet here, in the package that
// composes them, so neither app imports the other.

let stack: Awaited<ReturnType<typeof startStack>> | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe("lro-tui on the real proxy and simulator", () => {
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
