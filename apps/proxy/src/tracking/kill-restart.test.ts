import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { startSimulator, type Simulator } from "@lro/simulator";
import { afterEach, describe, expect, it } from "vitest";

const here = import.meta.dirname;
const children: ChildProcess[] = [];
let simulator: Simulator | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await simulator?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

interface ChangeLine {
  id: string;
  version: number;
  status: string;
}

/** Starts the tracker process; `lines` yields each change it reports. */
function startTracker(args: string[]) {
  const child = spawn(
    process.execPath,
    [
      join(here, "test-support/run-typescript.mjs"),
      resolve(here, "test-support/tracker-process.ts"),
      ...args,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const until = async (predicate: (line: ChangeLine) => boolean): Promise<ChangeLine> => {
    for (;;) {
      const next = await lines.next();
      if (next.done === true) throw new Error("the tracker process ended before the expected change");
      const line = JSON.parse(next.value) as ChangeLine;
      if (predicate(line)) return line;
    }
  };
  const exited = new Promise<NodeJS.Signals | null>((resolveExit) =>
    child.once("exit", (_code, signal) => resolveExit(signal)),
  );
  return { child, until, exited };
}

describe("tracker: kill -9 mid-operation", () => {
  it("resumes polling from the store after SIGKILL and follows the operation to its end", async () => {
    // The upstream's clock stands still until the test moves it: the operation runs as long as needed.
    let clock = Date.now();
    simulator = await startSimulator({ now: () => clock });
    dataDir = mkdtempSync(join(tmpdir(), "lro-proxy-kill-"));
    const started = await fetch(`${simulator.url}/v1.0/teams/t1/clone`, {
      method: "POST",
      headers: { "x-simulator-scenario": JSON.stringify({ durationMs: 60_000 }) },
    });
    const monitorUrl = `${simulator.url}/v1.0${started.headers.get("location") ?? ""}`;

    const first = startTracker([dataDir, simulator.url, monitorUrl]);
    const running = await first.until((line) => line.status === "running");
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    const pollsBeforeKill = simulator.operations()[0]?.polls ?? 0;
    expect(pollsBeforeKill).toBeGreaterThan(0);
    expect(simulator.operations()[0]?.terminalAt).toBeGreaterThan(clock);

    clock += 60_000;
    const second = startTracker([dataDir, simulator.url]);
    const final = await second.until((line) => line.id === running.id && line.status === "succeeded");
    expect(final.version).toBeGreaterThan(running.version);
    expect(simulator.operations()[0]?.polls).toBeGreaterThan(pollsBeforeKill);
    second.child.kill("SIGTERM");
  }, 30_000);
});
