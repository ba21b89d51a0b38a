import { describe, expect, it } from "vitest";
import { dashboardHeapFlags, restartWithDashboardHeap } from "./dashboard-heap.js";
import type { RestartableProcess } from "./dashboard-heap.js";

function fakeProcess(overrides: Partial<RestartableProcess> = {}) {
  const calls: { file: string; args: readonly string[]; env: unknown }[] = [];
  const process: RestartableProcess = {
    execPath: "/opt/node/bin/node",
    execArgv: ["--enable-source-maps"],
    argv: [
      "/opt/node/bin/node",
      "/usr/lib/lro-tui/bin/lro-tui.js",
      "--proxy",
      "http://proxy",
      "--api-key=-k",
    ],
    env: { TERM: "xterm" },
    execve: ((file: string, args: readonly string[] = [], env?: unknown) => {
      calls.push({ file, args, env });
      return undefined as never;
    }) as RestartableProcess["execve"],
    ...overrides,
  };
  return { process, calls };
}

describe("restartWithDashboardHeap", () => {
  it("restarts the same command, arguments and environment on Node.js with the dashboard's heap flags", () => {
    const { process, calls } = fakeProcess();
    restartWithDashboardHeap(process);
    expect(calls).toEqual([
      {
        file: "/opt/node/bin/node",
        args: [
          "/opt/node/bin/node",
          ...dashboardHeapFlags,
          "--enable-source-maps",
          "/usr/lib/lro-tui/bin/lro-tui.js",
          "--proxy",
          "http://proxy",
          "--api-key=-k",
        ],
        env: { TERM: "xterm" },
      },
    ]);
  });

  it("leaves a young generation already sized alone: by this restart, on the command line or in NODE_OPTIONS", () => {
    for (const overrides of [
      { execArgv: [...dashboardHeapFlags] },
      { execArgv: ["--max-semi-space-size=32"] },
      { env: { NODE_OPTIONS: "--enable-source-maps --min-semi-space-size=4" } },
    ]) {
      const { process, calls } = fakeProcess(overrides);
      restartWithDashboardHeap(process);
      expect(calls).toEqual([]);
    }
  });

  it("runs on as it is where Node.js cannot replace a process (Windows, or before 22.15)", () => {
    const windows = fakeProcess({
      execve: (() => {
        throw Object.assign(new Error("not on this platform"), {
          code: "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
        });
      }) as RestartableProcess["execve"],
    });
    expect(() => restartWithDashboardHeap(windows.process)).not.toThrow();
    const older = fakeProcess({ execve: undefined });
    expect(() => restartWithDashboardHeap(older.process)).not.toThrow();
  });
});
