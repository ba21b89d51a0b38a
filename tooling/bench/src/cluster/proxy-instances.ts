import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { processCpuMs } from "../processes/process-cpu.js";

/** A built `lro-proxy` running in its own process. */
export interface ProxyInstance {
  url: string;
  child: ChildProcess;
  /** Resident memory now and at its peak, in MB (Linux `/proc`). */
  memory(): { rssMb: number; peakRssMb: number };
  /** CPU time used so far, user and system, in ms (Linux `/proc`). */
  cpuMs(): number;
  /** A counter of its `/metrics` (summed over labels), read with `apiKey`. */
  metric(name: string, apiKey: string): Promise<number>;
  stop(): Promise<void>;
  /** Ends it with SIGKILL, as a crash would. */
  kill(): Promise<void>;
}

/** The built `lro-proxy` binary, found through the package's own `bin` field. */
function proxyBinary(): string {
  const manifestPath = createRequire(import.meta.url).resolve("lro-proxy/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.["lro-proxy"];
  if (bin === undefined) throw new Error(`${manifestPath} declares no lro-proxy binary`);
  const path = join(dirname(manifestPath), bin);
  if (!existsSync(path)) throw new Error(`${path} does not exist: build lro-proxy first (pnpm build)`);
  return path;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

function readMemory(pid: number | undefined): { rssMb: number; peakRssMb: number } {
  const status = pid === undefined ? "" : readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rssMb: kilobytes("VmRSS") / 1024, peakRssMb: kilobytes("VmHWM") / 1024 };
}

/** Starts `lro-proxy` with `flags` (plus a free `--port`) and resolves once `/healthz` answers. */
export async function startProxyInstance(flags: readonly string[]): Promise<ProxyInstance> {
  const port = await freePort();
  const child = spawn(process.execPath, [proxyBinary(), ...flags, "--port", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`lro-proxy exited with code ${child.exitCode} on start`);
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error("lro-proxy did not answer /healthz within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    memory: () => readMemory(child.pid),
    cpuMs: () => (child.pid === undefined ? 0 : processCpuMs(child.pid)),
    async metric(name, apiKey) {
      const text = await (await fetch(`${url}/metrics`, { headers: { "x-api-key": apiKey } })).text();
      let total = 0;
      for (const line of text.split("\n")) {
        if (line.startsWith(`${name} `) || line.startsWith(`${name}{`))
          total += Number(line.slice(line.lastIndexOf(" ") + 1));
      }
      return total;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
