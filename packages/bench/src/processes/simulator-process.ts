import { fork } from "node:child_process";
import type { OperationRecord, RequestCount } from "@lro/simulator";

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
export function startSimulatorProcess(): Promise<SimulatorProcess> {
  const child = fork(new URL("./simulator-child.js", import.meta.url), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`The simulator exited early (code ${code})`)));
    child.once("message", (message) => {
      const { url, monitorUrl } = message as { url: string; monitorUrl: string };
      resolve({
        url,
        monitorUrl,
        operations: async () =>
          (await control<{ value: OperationRecord[] }>(`${url}/_simulator/operations`)).value,
        requests: async () => (await control<{ value: RequestCount[] }>(`${url}/_simulator/requests`)).value,
        reset: () => control<undefined>(`${url}/_simulator/reset`, "POST"),
        cpuMs: () =>
          new Promise<number>((done) => {
            child.once("message", (answer) => done((answer as { cpuMs: number }).cpuMs));
            child.send("cpu");
          }),
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.send("stop");
          }),
      });
    });
  });
}
