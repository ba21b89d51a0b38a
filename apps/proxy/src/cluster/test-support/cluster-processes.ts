import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

const here = import.meta.dirname;
const runner = resolve(here, "../../tracking/test-support/run-typescript.mjs");
const entry = resolve(here, "cluster-instance.ts");

/** A proxy instance running in a child process. */
export interface InstanceProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the signal that ended the process. */
  exited: Promise<NodeJS.Signals | null>;
}

/** Starts `lro-proxy` with `flags` in a child process and resolves once it listens. */
export async function startInstance(flags: string[]): Promise<InstanceProcess> {
  const child = spawn(process.execPath, [runner, entry, ...flags], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<NodeJS.Signals | null>((resolveExit) =>
    child.once("exit", (_code, signal) => resolveExit(signal)),
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolveUrl, reject) => {
    lines.once("line", (line) => resolveUrl((JSON.parse(line) as { url: string }).url));
    void exited.then(() => reject(new Error("a proxy instance ended before it listened")));
  });
  lines.close();
  child.stdout?.resume();
  return { url, child, exited };
}

/** Resolves once `condition` holds, looking every `intervalMs`; rejects after `timeoutMs`. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  description: string,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${description}`);
    await new Promise((resolveLater) => setTimeout(resolveLater, intervalMs));
  }
}
