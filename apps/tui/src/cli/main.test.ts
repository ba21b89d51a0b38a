import type { Simulator } from "@lro/simulator";
import { startSimulator } from "@lro/simulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulatorOperation } from "../test-support/start-simulator-operation.js";
import { createFakeStreams } from "../test-support/fake-streams.js";
import { parseArguments } from "./arguments.js";
import { isInteractive, main } from "./main.js";

let simulator: Simulator;
beforeEach(async () => {
  simulator = await startSimulator({
    defaults: { durationMs: 300, retryAfterSeconds: 0, monitorRetryAfterSeconds: 0 },
  });
});
afterEach(() => simulator.close());

const start = async (scenario: object = {}) =>
  (
    await startSimulatorOperation(simulator.url, {
      path: "/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub",
      scenario,
    })
  ).monitorUrl ?? "";

describe("main without a terminal", () => {
  it("prints a plain table once and exits 1 while operations are still running", async () => {
    const monitors = [await start({ durationMs: 60_000 }), await start({ durationMs: 60_000 })];
    const { streams, stdoutText } = createFakeStreams();
    const status = await main(["watch", ...monitors], { GRAPH_TOKEN: "never-printed" }, streams);
    const lines = stdoutText().trimEnd().split("\n");
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/^ID +KIND +STATUS +PROGRESS +AGE +DETAIL$/);
    expect(lines.filter((line) => line.startsWith("contentTypeCopy,"))).toHaveLength(2);
    expect(lines.at(-1)).toBe("0 succeeded, 0 failed, 2 not finished");
    expect(stdoutText()).not.toContain("never-printed");
    expect(stdoutText()).not.toContain("\u001B[");
  });

  it("with --wait, waits until every operation has finished and exits 0 when all succeeded", async () => {
    const monitors = [await start(), await start({ durationMs: 500 })];
    const { streams, stdoutText } = createFakeStreams();
    const status = await main(["watch", ...monitors, "--wait"], {}, streams);
    expect(stdoutText()).toMatch(/✔ succeeded +100%/);
    expect(stdoutText().trimEnd().split("\n").at(-1)).toBe("2 succeeded, 0 failed, 0 not finished");
    expect(status).toBe(0);
  });

  it("with --json --wait, prints one normalised operation a line and exits 1 when one failed", async () => {
    const monitors = [
      await start(),
      await start({ outcome: "failed", error: { code: "quotaExceeded", message: "Over quota" } }),
    ];
    const { streams, stdoutText } = createFakeStreams();
    const status = await main(["watch", ...monitors, "--json", "--wait"], {}, streams);
    const lines = stdoutText()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => line.status).sort()).toEqual(["failed", "succeeded"]);
    const failed = lines.find((line) => line.status === "failed");
    expect(failed).toMatchObject({ kind: "richLongRunningOperation", error: { code: "quotaExceeded" } });
    expect(monitors).toContain(failed?.monitorUrl);
    expect(failed).not.toHaveProperty("raw");
    expect(status).toBe(1);
  });

  it("prints the usage with --help, and a clear message with exit 2 on bad arguments", async () => {
    const help = createFakeStreams();
    expect(await main(["--help"], {}, help.streams)).toBe(0);
    expect(help.stdoutText()).toContain("lro-tui watch MONITOR_URL...");
    const bad = createFakeStreams();
    expect(await main(["--proxy", "http://127.0.0.1:1"], { LANG: "es_ES.UTF-8" }, bad.streams)).toBe(2);
    expect(bad.stderrText()).toBe(
      "--proxy necesita una clave de API: use --api-key KEY o defina LRO_API_KEY.\n",
    );
  });

  it("fails with exit 1 and the reason when the proxy cannot be reached", async () => {
    await simulator.close();
    const { streams, stderrText } = createFakeStreams();
    const status = await main(["--proxy", simulator.url, "--api-key", "k"], {}, streams);
    expect(status).toBe(1);
    expect(stderrText()).toMatch(/^Could not read the operations: .*fetch failed/);
    expect(stderrText()).not.toContain("k\n");
  });
});

describe("isInteractive", () => {
  it("draws the dashboard only with a terminal on both ends and no --once, --wait or --json", () => {
    const proxy = ["--proxy", "http://127.0.0.1:8080", "--api-key", "k"];
    const options = parseArguments(proxy, {});
    const tty = createFakeStreams({ tty: true }).streams;
    expect(isInteractive(options, tty)).toBe(true);
    expect(isInteractive(parseArguments([...proxy, "--json"], {}), tty)).toBe(false);
    expect(isInteractive(parseArguments([...proxy, "--once"], {}), tty)).toBe(false);
    expect(isInteractive(parseArguments([...proxy, "--wait"], {}), tty)).toBe(false);
    expect(isInteractive(options, createFakeStreams().streams)).toBe(false);
  });
});
