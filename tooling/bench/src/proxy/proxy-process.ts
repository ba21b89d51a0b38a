import { startServerProcess } from "../processes/server-process.js";
import { proxyApiKey } from "./proxy-api-key.js";

/** The proxy's memory after a full garbage collection. */
export interface ProxyMemory {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

/** lro-proxy in a child process, with the calls the benchmarks make to it. */
export interface ProxyProcess {
  url: string;
  headers: Record<string, string>;
  /** `POST /operations {monitorUrl}`: the proxy's id of the adopted operation. */
  adopt(monitorUrl: string): Promise<string>;
  memory(): Promise<ProxyMemory>;
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the proxy in front of `upstream` (the simulator's origin). */
export async function startProxyProcess(upstream: string): Promise<ProxyProcess> {
  const child = await startServerProcess<{ url: string }>(
    new URL("./proxy-child.js", import.meta.url),
    [upstream],
    ["--expose-gc"],
  );
  const { url } = child.ready;
  const headers = { "x-api-key": proxyApiKey };
  return {
    url,
    headers,
    adopt: async (monitorUrl) => {
      const response = await fetch(`${url}/operations`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ monitorUrl }),
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 202 || body.id === undefined)
        throw new Error(`POST /operations answered ${response.status}: ${JSON.stringify(body)}`);
      return body.id;
    },
    memory: () => child.ask<ProxyMemory>("memory"),
    cpuMs: () => child.ask<number>("cpu"),
    stop: () => child.stop(),
  };
}
