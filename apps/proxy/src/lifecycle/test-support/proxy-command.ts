import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

const runner = resolve(import.meta.dirname, "../../tracking/test-support/run-typescript.mjs");
const entry = resolve(import.meta.dirname, "server-entry.ts");

export interface ProxyCommand {
  child: ReturnType<typeof spawn>;
  /** Standard output, line by line (the JSON log). */
  output: string[];
  /** Standard error as written. */
  errors: string[];
  exited: Promise<number | null>;
}

/** Runs the `lro-proxy` command from its sources as a process of its own, with only `PATH` and `env`. */
export function runProxyCommand(
  flags: string[],
  env: Record<string, string> = {},
  options: { uid?: number; gid?: number } = {},
): ProxyCommand {
  const child = spawn(process.execPath, [runner, entry, ...flags], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", ...env },
    ...options,
  });
  const output: string[] = [];
  const errors: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
  createInterface({ input: child.stdout }).on("line", (line) => output.push(line));
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  return { child, output, errors, exited };
}

/** The URL the command logged once it listens. */
export async function listeningUrl(command: ProxyCommand, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = command.output.find((candidate) => candidate.includes("lro-proxy listening"));
    if (line !== undefined) return (JSON.parse(line) as { url: string }).url;
    if (command.child.exitCode !== null) {
      throw new Error(`lro-proxy exited with ${command.child.exitCode}: ${command.errors.join("")}`);
    }
    await new Promise((wake) => setTimeout(wake, 50));
  }
  throw new Error(`lro-proxy did not listen within ${timeoutMs} ms: ${command.errors.join("")}`);
}
