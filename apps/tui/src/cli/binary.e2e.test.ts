import type { ChildProcess } from "node:child_process";
import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { sgrColour, terminalControl } from "../test-support/terminal-control.js";
import { startTmuxSession } from "../test-support/tmux-session.js";
import { dashboardHeapFlags } from "./dashboard-heap.js";

// The real binary as users run it: the built dist/cli.js, in a pipe, in a file, in tmux.
const binary = join(import.meta.dirname, "../../dist/cli.js");
const fixture = join(import.meta.dirname, "../test-support/serve-operations.ts");
const run = promisify(execFile);

beforeAll(() => {
  if (!existsSync(binary))
    throw new Error(`${binary} is missing: build lro-tui first (pnpm turbo run build --filter=lro-tui...)`);
});

interface WireFields {
  status?: string;
  statusDetail?: string;
  type?: string;
  error?: { code: string; message: string; innerError?: unknown };
  createdDateTime?: string;
  lastActionDateTime?: string;
  percentageComplete?: number;
}

const wire = (index: number, fields: WireFields = {}) => ({
  id: `${index.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000`,
  kind: "richLongRunningOperation",
  status: "running",
  type: "contentTypeCopy",
  createdDateTime: new Date(Date.parse("2026-11-22T10:00:00Z") + index * 1000).toISOString(),
  monitorUrl: `http://graph.example/v1.0/sites/root/operations/copy-${index}`,
  version: index + 1,
  ...fields,
});

let directory: string;
let server: ChildProcess | undefined;
const sessions: { close(): void }[] = [];

/** The stand-in proxy in its own process (so it can be stopped with SIGSTOP), serving `operations`. */
async function serve(operations: unknown[]): Promise<string> {
  directory = await mkdtemp(join(tmpdir(), "lro-tui-binary-"));
  const file = join(directory, "operations.json");
  await writeFile(file, JSON.stringify(operations));
  const child = spawn(process.execPath, [fixture, file], { stdio: ["ignore", "pipe", "inherit"] });
  server = child;
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
}

afterEach(async () => {
  for (const session of sessions.splice(0)) session.close();
  if (server !== undefined) {
    server.kill("SIGCONT");
    server.kill("SIGKILL");
    server = undefined;
  }
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
});

const tmux = (args: string[], options: { columns: number; rows: number; env?: Record<string, string> }) => {
  const session = startTmuxSession([process.execPath, binary, ...args], options);
  sessions.push(session);
  return session;
};

describe("lro-tui, the built binary", () => {
  it("writes every byte into a slow pipe before it exits, with the exit status unchanged", async () => {
    const detail = "Copying the content type and every one of its columns to the destination site".repeat(2);
    const url = await serve(
      Array.from({ length: 3000 }, (_, index) => wire(index, { statusDetail: detail })),
    );
    // The reader waits a second before reading: the first 64 KiB fill the pipe, the rest must wait for it.
    const pipeline = (format: string) =>
      run(
        "bash",
        [
          "-c",
          `"$0" "$1" --proxy "$2" --api-key k --once ${format} | { sleep 1; cat; }; echo "status \${PIPESTATUS[0]}" >&2`,
          process.execPath,
          binary,
          url,
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      );
    const table = await pipeline("");
    const lines = table.stdout.trimEnd().split("\n");
    expect(table.stdout.length).toBeGreaterThan(10 * 65_536);
    expect(lines).toHaveLength(3002);
    expect(lines.at(-1)).toBe("0 succeeded, 0 failed, 3000 not finished");
    expect(table.stderr).toBe("status 1\n");
    const ndjson = await pipeline("--json");
    const records = ndjson.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string });
    expect(records).toHaveLength(3000);
    expect(new Set(records.map((record) => record.id)).size).toBe(3000);
    expect(ndjson.stderr).toBe("status 1\n");
  }, 60_000);

  const evil = wire(1, {
    status: "failed",
    statusDetail: "\u001B[2J\u001B[Hwiped the screen",
    error: { code: "evil\u001B[31mRED", message: "\u001B]0;PWNED-TITLE\u0007renamed \u009B1mC1" },
  });

  it("strips terminal control from upstream text in the table, and keeps it (escaped) in NDJSON", async () => {
    const url = await serve([evil]);
    const table = await run(process.execPath, [binary, "--proxy", url, "--api-key", "k", "--once"]).catch(
      (error: { stdout: string; code: number }) => error,
    );
    // The 8-bit CSI takes its parameters with it: `\u009B1m` is one sequence.
    expect(table.stdout).toContain("evilRED: renamed C1");
    expect(table.stdout).not.toMatch(terminalControl);
    expect(table.stdout).not.toContain("PWNED");
    const json = await run(process.execPath, [binary, "--proxy", url, "--api-key", "k", "--json"]).catch(
      (error: { stdout: string }) => error,
    );
    expect(json.stdout).not.toMatch(terminalControl);
    const record = JSON.parse(json.stdout) as {
      error: { code: string; message: string };
      statusDetail: string;
    };
    expect(record.error).toEqual(evil.error);
    expect(record.statusDetail).toBe(evil.statusDetail);
  }, 60_000);

  it("in a terminal, shows upstream text without obeying it: no colour, no title, no cleared screen", async () => {
    const url = await serve([evil, wire(2)]);
    const session = tmux(["--proxy", url, "--api-key", "k"], {
      columns: 120,
      rows: 20,
      env: { NO_COLOR: "1" },
    });
    const before = session.title();
    const screen = await session.waitFor((text) => text.includes("evilRED") && text.includes("● live"));
    expect(screen).not.toContain("PWNED");
    // The newest first: the evil one, created before the other, is second.
    session.send("j");
    session.send("Enter");
    const detail = await session.waitFor((text) => text.includes("Error code"));
    expect(detail).toMatch(/Message +renamed C1/);
    expect(detail).toMatch(/Detail +wiped the screen/);
    // NO_COLOR: any colour on the screen would be the upstream's.
    expect(session.screen(true)).not.toMatch(sgrColour);
    expect(session.title()).toBe(before);
    expect(session.title()).not.toContain("PWNED");
  }, 60_000);

  it("gives up on a hung proxy (SIGSTOP) after --timeout with --once, exit status 1", async () => {
    const url = await serve([wire(1)]);
    server?.kill("SIGSTOP");
    const started = Date.now();
    const result = await run(process.execPath, [
      binary,
      "--proxy",
      url,
      "--api-key",
      "k",
      "--once",
      "--timeout",
      "2s",
    ]).catch((error: { stderr: string; code: number }) => error);
    expect(Date.now() - started).toBeLessThan(8000);
    expect("code" in result ? result.code : 0).toBe(1);
    expect(result.stderr).toMatch(/^Could not read the operations: no complete answer within 2 s/);
  }, 60_000);

  it("in the dashboard, notices a hung proxy, retries on a schedule, and is live again when it wakes", async () => {
    const url = await serve([wire(1), wire(2)]);
    const session = tmux(["--proxy", url, "--api-key", "k", "--request-timeout", "2s"], {
      columns: 100,
      rows: 16,
    });
    await session.waitFor((text) => text.includes("● live") && text.includes("operations: 2"));
    server?.kill("SIGSTOP");
    session.send("R");
    const retrying = await session.waitFor((text) => /reconnecting \(attempt 1/.test(text), 15_000);
    expect(retrying).toContain("the proxy did not answer within 2 s");
    // Attempts go on, each abandoned after the request timeout: the count moves, it does not stick.
    await session.waitFor((text) => /reconnecting \(attempt [3-9]/.test(text), 30_000);
    server?.kill("SIGCONT");
    // The next attempt comes within the backoff's ceiling (15 s) and finds the proxy awake.
    await session.waitFor((text) => text.includes("● live"), 45_000);
  }, 120_000);

  it("filters on the normalised status: `running` shows exactly the rows the header counts as running", async () => {
    const operations = [
      ...Array.from({ length: 6 }, (_, index) => wire(index)),
      // Finished, but their detail still says "running": they must not match.
      ...Array.from({ length: 4 }, (_, index) =>
        wire(10 + index, { status: "succeeded", statusDetail: "running post-copy checks" }),
      ),
      wire(20, { status: "failed", statusDetail: "was running when it failed" }),
    ];
    const url = await serve(operations);
    const session = tmux(["--proxy", url, "--api-key", "k"], { columns: 120, rows: 24 });
    const all = await session.waitFor((text) => text.includes("operations: 11"));
    expect(all).toContain("▶ 6 running");
    session.send("/");
    session.send("running", true);
    session.send("Enter");
    const filtered = await session.waitFor((text) => text.includes("filter: running"));
    expect(filtered).toContain("shown: 6");
    const rows = filtered.split("\n").filter((line) => /^[› ] [0-9a-f]{8} /.test(line));
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toContain("▶ running");
    session.send("Escape");
    // A lone Escape is told from the start of a key's sequence by a pause after it: wait until it has
    // been read (the filter is gone) before the next key, or the two would read as Alt+/.
    await session.waitFor((text) => !text.includes("filter: running"));
    session.send("/");
    session.send("-running kind:content", true);
    session.send("Enter");
    await session.waitFor((text) => text.includes("shown: 5"));
  }, 60_000);

  it("scrolls the detail pane of a failed operation at 60x20 to its error and timeline", async () => {
    const innerError = { code: "storageLimit", message: "Site quota 25 GB reached", "request-id": "r-1" };
    const failed = wire(1, {
      status: "failed",
      statusDetail: "The copy stopped at the destination",
      error: {
        code: "quotaExceeded",
        message: "The destination site is over its storage quota and cannot take the copied content type.",
        innerError: { ...innerError, innerError: { code: "deep", message: "one more level" } },
      },
      lastActionDateTime: "2026-11-22T10:05:00Z",
    });
    const url = await serve([failed]);
    const session = tmux(["--proxy", url, "--api-key", "k"], { columns: 60, rows: 20 });
    await session.waitFor((text) => text.includes("00000001"));
    session.send("Enter");
    const top = await session.waitFor((text) => /lines 1–\d+ of \d+/.test(text));
    expect(top).not.toContain("Timeline");
    session.send("End");
    const end = await session.waitFor((text) => text.includes("Timeline"));
    expect(end).toMatch(/2026-11-22 10:05:00 +✖ failed/);
    expect(end).toContain("one more level");
    session.send("Home");
    await session.waitFor((text) => /lines 1–/.test(text) && !text.includes("Timeline"));
    session.send("j");
    await session.waitFor((text) => /lines 2–/.test(text));
  }, 60_000);

  it("exits 130 on Ctrl-C and 0 on q, leaving the terminal as it was", async () => {
    const url = await serve([wire(1)]);
    for (const [key, status] of [
      ["C-c", 130],
      ["q", 0],
    ] as const) {
      const session = tmux(["--proxy", url, "--api-key", "k"], { columns: 80, rows: 12 });
      await session.waitFor((text) => text.includes("● live"));
      session.send(key);
      const after = await session.waitFor((text) => text.includes("EXIT STATUS"));
      expect(after).toContain(`EXIT STATUS ${status}`);
      expect(after).not.toContain("● live");
      session.close();
    }
  }, 60_000);

  it("draws the dashboard in a process restarted on a young generation held at 8 MB, same pid, same exit", async () => {
    const url = await serve([wire(1)]);
    const session = tmux(["--proxy", url, "--api-key", "k"], { columns: 80, rows: 12 });
    await session.waitFor((text) => text.includes("● live"));
    const [dashboard] = execFileSync("ps", ["-o", "pid=", "--ppid", String(session.panePid())], {
      encoding: "utf8",
    })
      .trim()
      .split(/\s+/);
    const commandLine = readFileSync(`/proc/${dashboard}/cmdline`, "utf8").split("\0");
    expect(commandLine).toEqual(
      expect.arrayContaining([...dashboardHeapFlags, binary, "--proxy", url, "--api-key", "k"]),
    );
    session.send("q");
    expect(await session.waitFor((text) => text.includes("EXIT STATUS"))).toContain("EXIT STATUS 0");
    session.close();
  }, 60_000);

  it("is the live dashboard in a terminal even where CI is set (a CI job's or a cloud IDE's terminal)", async () => {
    const url = await serve([wire(1), wire(2, { status: "succeeded" })]);
    for (const ci of ["true", "1"]) {
      const session = tmux(["--proxy", url, "--api-key", "k"], { columns: 80, rows: 12, env: { CI: ci } });
      const screen = await session.waitFor((text) => text.includes("● live"));
      expect(screen).toMatch(/00000001 /);
      session.send("q");
      expect(await session.waitFor((text) => text.includes("EXIT STATUS"))).toContain("EXIT STATUS 0");
      session.close();
    }
  }, 60_000);
});
