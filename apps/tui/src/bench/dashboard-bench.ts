// The dashboard's benchmark, on the real binaries: a simulator and lro-proxy (each its own process) with
// 10,000 operations, then lro-tui in a tmux session on them. It measures what a user feels and what the
// machine pays: the time until the screen answers each key (capture-pane polled until it changes), the
// dashboard's resident memory and CPU from /proc, idle and while keys are typed, and prints the figures.
//
//   pnpm turbo run build --filter=lro-tui... --filter=lro-proxy --filter=@lro/simulator
//   node apps/tui/src/bench/dashboard-bench.ts [--operations 10000] [--columns 160] [--rows 45]
//                                              [--probe control|process]
//
// Keys are sent and the screen is read through a tmux control-mode client (`--probe control`, the
// default): a look costs the tmux server a fraction of a millisecond. `--probe process` runs a tmux
// command per key and per look instead (each a process of its own, 10-15 ms of a core), as the figures
// recorded before 2026-12-07 18:00 UTC were measured.
//
// Run with Node's type stripping (Node 22.18+): it imports nothing but Node's own modules.
import type { ChildProcess } from "node:child_process";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { TmuxControl } from "./tmux-control.ts";

const root = join(import.meta.dirname, "../../../..");
const binaries = {
  tui: join(root, "apps/tui/dist/cli.js"),
  proxy: join(root, "apps/proxy/dist/server.js"),
  simulator: join(root, "packages/simulator/dist/cli.js"),
};
const { values } = parseArgs({
  options: {
    operations: { type: "string", default: "10000" },
    columns: { type: "string", default: "160" },
    rows: { type: "string", default: "45" },
    probe: { type: "string", default: "control" },
  },
});
type ProbeKind = "control" | "process";
function probeKindOf(value: string): ProbeKind {
  if (value === "control" || value === "process") return value;
  throw new Error(`--probe is control or process, not ${JSON.stringify(value)}`);
}
const probeKind = probeKindOf(values.probe);
const operationCount = Number(values.operations);
const rowsText = operationCount.toLocaleString("en-US");
const columns = Number(values.columns);
const rows = Number(values.rows);
const apiKey = "dashboard-bench-key-0123456789";
const children: ChildProcess[] = [];
const socket = `lro-tui-bench-${process.pid}`;
const dataDir = mkdtempSync(join(tmpdir(), "lro-tui-bench-"));

const tmuxServer = ["-L", socket, "-f", "/dev/null"];
const tmux = (...args: string[]) => execFileSync("tmux", [...tmuxServer, ...args], { encoding: "utf8" });

/** Starts a binary and resolves with the first line matching `ready` on its stdout. */
function start(file: string, args: string[], ready: RegExp): Promise<RegExpExecArray> {
  const child = spawn(process.execPath, [file, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let text = "";
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const match = ready.exec(text);
      if (match === null) return;
      // Ready: what it prints from now on (request logs) is read and dropped.
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve(match);
    });
  });
}

async function inParallel(count: number, parallel: number, task: (index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** The mix the dashboard shows: most finished (a few failed), 2% still running slowly, every flavour. */
const flavours = [
  "/beta/me/onenote/pages/page-1/copyToSection",
  "/v1.0/teams/team-1/clone",
  "/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub",
  "/v1.0/drives/b!bench/items/01BENCHITEM/copy",
  "/v1.0/print/printers/create",
];
function scenario(index: number) {
  if (index % 50 === 0) return { durationMs: 3_600_000, progress: "linear", retryAfterSeconds: 60 };
  if (index % 17 === 0)
    return { durationMs: 500, outcome: "failed", error: { code: "quotaExceeded", message: "Over quota" } };
  return { durationMs: 500 };
}

const ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / ticks;
};
const memory = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: kib("VmRSS") / 1024, peakMiB: kib("VmHWM") / 1024 };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const screen = () => tmux("capture-pane", "-p", "-t", "tui");
// Digits move on their own (ages, countdowns): a key's answer is a change in anything else.
const shape = (text: string) => text.replace(/\d/g, "0");

async function waitForScreen(predicate: (text: string) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen();
    if (predicate(text)) return text;
    if (Date.now() > deadline) throw new Error(`the screen never matched; last screen:\n${text}`);
    await sleep(100);
  }
}

/** How the benchmark presses keys and reads the screen while it times them. */
interface Probe {
  kind: ProbeKind;
  look(): Promise<string>;
  press(key: string, literal: boolean): Promise<void>;
  close(): void;
}

async function openProbe(kind: ProbeKind): Promise<Probe> {
  if (kind === "process")
    return {
      kind,
      look: async () => screen(),
      press: async (key, literal) => {
        tmux("send-keys", "-t", "tui", ...(literal ? ["-l"] : []), "--", key);
      },
      close: () => {},
    };
  const control = await TmuxControl.attach(tmuxServer, "tui");
  return {
    kind,
    look: () => control.capture("tui"),
    press: (key, literal) => control.sendKeys("tui", key, literal),
    close: () => control.close(),
  };
}

/** A frame is drawn (an answer shown) once the screen has not changed for this long. */
const settleMs = 25;

/**
 * Looks, about once a millisecond, until the screen has stayed the same for `settleMs`; resolves with that screen and when it first
 * showed (ms since `started`). A look can land while a frame is still being drawn (a terminal takes a
 * frame in pieces); the next key must not be sent until its predecessor's frame is whole.
 */
async function settledScreen(probe: Probe, started: bigint, different?: string) {
  const since = () => Number(process.hrtime.bigint() - started) / 1e6;
  let text = shape(await probe.look());
  let shownAt = since();
  while (different !== undefined && text === different) {
    if (since() > 10_000) return undefined;
    await sleep(1);
    text = shape(await probe.look());
    shownAt = since();
  }
  for (;;) {
    await sleep(1);
    const next = shape(await probe.look());
    const at = since();
    if (next !== text) {
      text = next;
      shownAt = at;
    } else if (at - shownAt >= settleMs) return { text, shownAt };
  }
}

/**
 * Sends one key and measures the time until the screen shows its answer. With the control client: from
 * a settled screen to the first look at the answer's whole frame (the screen as it then stays). With a
 * tmux process per look (the figures before 2026-12-07 18:00 UTC): to the first look that differs.
 */
async function timeKey(probe: Probe, key: string, literal = false): Promise<number> {
  if (probe.kind === "process") {
    const before = shape(await probe.look());
    const started = process.hrtime.bigint();
    await probe.press(key, literal);
    for (;;) {
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (shape(await probe.look()) !== before) return elapsed;
      if (elapsed > 10_000) throw new Error(`no answer to ${key} within 10 s`);
    }
  }
  const before = await settledScreen(probe, process.hrtime.bigint());
  const started = process.hrtime.bigint();
  await probe.press(key, literal);
  const answer = await settledScreen(probe, started, before?.text);
  if (answer === undefined) throw new Error(`no answer to ${key} within 10 s; the screen:\n${before?.text}`);
  return answer.shownAt;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function main() {
  const loadAtStart = loadAverage();
  const [, simulatorUrl] = await start(
    binaries.simulator,
    ["--port", "0", "--monitor-port", "0", "--seed", "16"],
    /Graph origin:\s+(http:\/\/\S+)/,
  );
  const [, proxyUrl] = await start(
    binaries.proxy,
    [
      ...["--upstream", simulatorUrl ?? "", "--port", "0", "--data-dir", dataDir, "--api-key", apiKey],
      ...["--allow-origin", "http://127.0.0.1:*", "--log-level", "info"],
      ...["--max-operations", String(operationCount * 2), "--rate-limit", String(operationCount * 100)],
    ],
    /"url":"(http:\/\/[^"]+)"|listening on (http:\/\/\S+)|(http:\/\/127\.0\.0\.1:\d+)/,
  ).then((match) => [match[0], match[1] ?? match[2] ?? match[3]]);
  process.stdout.write(`simulator ${simulatorUrl}, proxy ${proxyUrl}\n`);

  const seeding = Date.now();
  await inParallel(operationCount, 48, async (index) => {
    const response = await fetch(`${proxyUrl}${flavours[index % flavours.length]}`, {
      method: "POST",
      headers: {
        "x-api-key": apiKey,
        authorization: "Bearer graph-token-for-the-simulator",
        "content-type": "application/json",
        "x-simulator-scenario": JSON.stringify(scenario(index)),
      },
      body: JSON.stringify({ displayName: "Copy", id: "section" }),
    });
    await response.arrayBuffer();
    if (response.status !== 202)
      throw new Error(`the proxy answered ${response.status} to operation ${index}`);
  });
  process.stdout.write(
    `${operationCount} operations started through the proxy in ${((Date.now() - seeding) / 1000).toFixed(1)} s\n`,
  );
  // Let the short ones finish: what stays is a quiet proxy with 2% of its operations still running.
  await sleep(8000);
  const seeded = Date.now();

  const started = Date.now();
  tmux(
    "new-session",
    "-d",
    "-s",
    "tui",
    "-x",
    String(columns),
    "-y",
    String(rows),
    "-e",
    "LANG=C.UTF-8",
    "-e",
    "TERM=xterm-256color",
    process.execPath,
    binaries.tui,
    "--proxy",
    proxyUrl ?? "",
    "--api-key",
    apiKey,
  );
  tmux("set-option", "-g", "status", "off");
  const pid = Number(tmux("display-message", "-p", "-t", "tui", "#{pane_pid}").trim());
  await waitForScreen(
    (text) => text.includes(`operations: ${operationCount}`) && text.includes("● live"),
    120_000,
  );
  const loaded = (Date.now() - started) / 1000;
  const afterLoad = memory(pid);

  const idle = async (seconds: number) => {
    const before = cpuSeconds(pid);
    await sleep(seconds * 1000);
    return ((cpuSeconds(pid) - before) / seconds) * 100;
  };
  // Idle as a user leaves it: the default view (newest first), once every age in it counts minutes, so
  // the screen changes only when an operation in view does or a minute turns.
  await sleep(Math.max(3000, seeded + 65_000 - Date.now()));
  const idleBefore = await idle(30);

  // Keys as a user presses them; each must change the screen.
  const latencies: Record<string, number[]> = {};
  const record = (name: string, value: number) => (latencies[name] ??= []).push(value);
  const cpuBeforeKeys = cpuSeconds(pid);
  const probe = await openProbe(probeKind);
  const keysStarted = Date.now();
  // Keys pressed but not timed: they count in the CPU per key.
  let untimed = 0;
  for (let round = 0; round < 3; round += 1) {
    // Each round moves from the top: the sorts of the round before may have left the selected operation
    // on the last row, where `j` changes nothing (with fewer operations than the default, often).
    if (round > 0) {
      await probe.press("g", false);
      untimed += 1;
      if (probe.kind === "process") await sleep(500);
    }
    for (let index = 0; index < 10; index += 1)
      record("j / k (move)", await timeKey(probe, index % 3 === 2 ? "k" : "j"));
    record("PgDn / PgUp", await timeKey(probe, "PageDown"));
    record("PgDn / PgUp", await timeKey(probe, "PageUp"));
    record("G / g (ends)", await timeKey(probe, "G"));
    record("G / g (ends)", await timeKey(probe, "g"));
    record(`s / S (sort ${rowsText})`, await timeKey(probe, "s"));
    record(`s / S (sort ${rowsText})`, await timeKey(probe, "S"));
    record("f (hide finished)", await timeKey(probe, "f"));
    record("f (hide finished)", await timeKey(probe, "f"));
    record("Enter / Esc (details)", await timeKey(probe, "Enter"));
    record("j in the details (scroll)", await timeKey(probe, "v"));
    record("Enter / Esc (details)", await timeKey(probe, "Escape"));
    record(`/ then a character (filter ${rowsText})`, await timeKey(probe, "/"));
    for (const character of "failed")
      record(`/ then a character (filter ${rowsText})`, await timeKey(probe, character, true));
    record(`/ then a character (filter ${rowsText})`, await timeKey(probe, "BSpace"));
    record("Enter / Esc (details)", await timeKey(probe, "Enter"));
    record("Enter / Esc (details)", await timeKey(probe, "Escape"));
  }
  const keysSeconds = (Date.now() - keysStarted) / 1000;
  const keysCpuSeconds = cpuSeconds(pid) - cpuBeforeKeys;
  // The resolution of the measure: one look at the screen, as the keys were timed.
  const probes: number[] = [];
  for (let look = 0; look < 20; look += 1) {
    const at = process.hrtime.bigint();
    await probe.look();
    probes.push(Number(process.hrtime.bigint() - at) / 1e6);
  }
  probe.close();
  const busyCpu = (keysCpuSeconds / keysSeconds) * 100;
  // The keys left the rows sorted by progress, reversed: the operations still running, each polled every
  // minute, fill the view, and their last change counts seconds: the screen changes every second.
  await sleep(3000);
  const idleMoving = await idle(30);
  // Back to the default view (s cycles the columns back to Age, newest first; g to the top, since the
  // selection kept its operation through the sorts): idle as before the keys.
  for (let presses = 0; presses < 4; presses += 1) tmux("send-keys", "-t", "tui", "s");
  await waitForScreen((text) => text.includes("Age▾"), 10_000);
  tmux("send-keys", "-t", "tui", "g");
  await sleep(3000);
  const idleAfter = await idle(30);
  const end = memory(pid);

  const all = Object.values(latencies).flat();
  const lines = [
    "",
    `lro-tui dashboard benchmark: ${operationCount} operations on lro-proxy, ${columns}x${rows} tmux, ${new Date().toISOString()}`,
    `machine: ${cpus().length} x ${cpus()[0]?.model ?? "?"}, Node ${process.versions.node}, load average ${loadAtStart} at the start, ${loadAverage()} at the end`,
    `first screen with all ${operationCount} operations: ${loaded.toFixed(1)} s`,
    `RSS after loading ${afterLoad.rssMiB.toFixed(0)} MiB; after ${all.length} keys ${end.rssMiB.toFixed(0)} MiB; peak ${end.peakMiB.toFixed(0)} MiB`,
    `CPU idle (30 s, ${Math.round(operationCount / 50)} operations still polled, newest first, ages in minutes): ${idleBefore.toFixed(2)}% of a core before the keys, ${idleAfter.toFixed(2)}% after; while typing keys ${busyCpu.toFixed(1)}%`,
    `CPU with the running operations in view (sorted by progress, their last change in seconds: a frame a second): ${idleMoving.toFixed(2)}%`,
    probeKind === "control"
      ? `key to screen (send-keys and capture-pane through a tmux control client, a look about every 1 ms; one look takes ${percentile(probes, 50).toFixed(2)} ms):`
      : `key to screen (send-keys and capture-pane each a tmux process, looking again at once; one look takes ${ms(percentile(probes, 50))}):`,
    ...Object.entries(latencies).map(
      ([name, values]) =>
        `  ${name.padEnd(36)} n ${String(values.length).padStart(3)}  median ${ms(percentile(values, 50)).padStart(7)}  p95 ${ms(percentile(values, 95)).padStart(7)}  max ${ms(Math.max(...values)).padStart(7)}`,
    ),
    `  ${"every key".padEnd(36)} n ${String(all.length).padStart(3)}  median ${ms(percentile(all, 50)).padStart(7)}  p95 ${ms(percentile(all, 95)).padStart(7)}  max ${ms(Math.max(...all)).padStart(7)}`,
    // CPU time is what the dashboard itself spent: less sensitive to other work on the machine than the
    // wall time above, which includes waiting for a core and tmux's own work.
    `dashboard CPU per key (process CPU time while typing / keys): ${ms((keysCpuSeconds * 1000) / (all.length + untimed))}`,
    "",
    `summary: ${operationCount} operations; idle CPU ${Math.max(idleBefore, idleAfter).toFixed(2)}% of a core; every key median ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}; RSS ${end.rssMiB.toFixed(0)} MiB (peak ${end.peakMiB.toFixed(0)} MiB)`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

try {
  await main();
} finally {
  try {
    const socketPath = tmux("display-message", "-p", "#{socket_path}").trim();
    tmux("kill-server");
    rmSync(socketPath, { force: true });
  } catch {
    // not started
  }
  for (const child of children) child.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
