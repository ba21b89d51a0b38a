import type { OperationRecord, RequestCount } from "@lro/simulator";
import { startServerProcess } from "./server-process.js";

/** A simulator running in a child process, read and reset through its control endpoints. */
export interface SimulatorProcess {
  url: string;
  monitorUrl: string;
  operations(): Promise<OperationRecord[]>;
  requests(): Promise<RequestCount[]>;
  reset(): Promise<void>;
  /** The simulator process's CPU time so far (user + system, ms). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

async function control<Body>(url: string, method = "GET"): Promise<Body> {
  const response = await fetch(url, { method });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as Body;
}

/** Starts the simulator's child process and waits for its origins. */
export async function startSimulatorProcess(): Promise<SimulatorProcess> {
  const child = await startServerProcess<{ url: string; monitorUrl: string }>(
    new URL("./simulator-child.js", import.meta.url),
  );
  const { url, monitorUrl } = child.ready;
  return {
    url,
    monitorUrl,
    operations: async () =>
      (await control<{ value: OperationRecord[] }>(`${url}/_simulator/operations`)).value,
    requests: async () => (await control<{ value: RequestCount[] }>(`${url}/_simulator/requests`)).value,
    reset: () => control<undefined>(`${url}/_simulator/reset`, "POST"),
    cpuMs: () => child.ask<number>("cpu"),
    stop: () => child.stop(),
  };
}
