// Steps of the root scripts: each runs a command quietly and prints one line saying how it went; the
// command's own output is shown only when it fails. Runs on the machine's own Node.js (18+).
import { spawn } from "node:child_process";
import { root } from "./toolchain.mjs";

const windows = process.platform === "win32";

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/**
 * Runs `command` with its output captured; prints `lro: <label>… done (12.3 s)` or, on failure, the
 * output and the exit status. Resolves to the exit status.
 */
export function quietStep(label, env, command, args) {
  const started = Date.now();
  const interactive = process.stderr.isTTY === true;
  if (interactive) process.stderr.write(`lro: ${label}…`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, shell: windows, stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const status = code ?? (signal === null ? 1 : 128);
      const prefix = interactive ? "\r\x1b[K" : "";
      if (status === 0) {
        process.stderr.write(`${prefix}lro: ${label}: done (${seconds(started)})\n`);
      } else {
        process.stderr.write(`${prefix}lro: ${label}: failed (exit ${status}, ${seconds(started)}):\n`);
        process.stderr.write(Buffer.concat(output));
      }
      resolve(status);
    });
  });
}

/** Runs `command` with its output passed through, and also handed to `onOutput` line by line. */
export function teeStep(env, command, args, onOutput) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, shell: windows, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (stream, target) => {
      let pending = "";
      stream.on("data", (chunk) => {
        target.write(chunk);
        pending += chunk.toString("utf8");
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) onOutput(line);
      });
      stream.on("end", () => {
        if (pending !== "") onOutput(pending);
      });
    };
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

/**
 * Test counts of vitest's summary lines (`Tests  1 failed | 404 passed | 2 skipped (407)`), summed, and
 * the names of what failed (vitest's ` FAIL  |project| file > suite > test` lines), so that the end of a
 * long log says which test to look at.
 */
export function createTestTally() {
  const tally = { passed: 0, failed: 0, skipped: 0, runs: 0, failedTests: [] };
  return {
    tally,
    read(line) {
      // eslint-disable-next-line no-control-regex
      const plain = line.replace(/\x1b\[[0-9;]*m/g, "");
      const failed = /^(?:[\w@/.-]+:test:)?\s*FAIL\s+(.+)$/.exec(plain);
      if (failed !== null && !tally.failedTests.includes(failed[1].trim()))
        tally.failedTests.push(failed[1].trim());
      if (!/(^|\s)Tests\s+\d/.test(plain)) return;
      tally.runs += 1;
      for (const [, count, kind] of plain.matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
        if (kind === "todo") tally.skipped += Number(count);
        else tally[kind] += Number(count);
      }
    },
  };
}

export function formatTally({ passed, failed, skipped }) {
  return `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}
