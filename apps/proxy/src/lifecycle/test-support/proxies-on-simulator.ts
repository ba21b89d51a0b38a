import { startSimulator, type Simulator, type SimulatorOptions } from "@lro/simulator";
import { afterAll, beforeAll } from "vitest";
import { fastTracker, startTestProxy, type TestProxy } from "./test-proxy.js";

/**
 * Registers, where it is called (a file or a `describe`), a simulator and one test proxy in front of it per
 * entry of `proxies` (its extra flags), on the fast test tracker: started before all the tests, closed after.
 * The returned object's fields are set once started: read them inside the tests.
 */
export function useProxiesOnSimulator<Name extends string>(
  simulatorOptions: SimulatorOptions,
  proxies: Record<Name, string[]>,
): { simulator: Simulator } & Record<Name, TestProxy> {
  const servers = {} as { simulator: Simulator } & Record<Name, TestProxy>;
  const names = Object.keys(proxies) as Name[];
  beforeAll(async () => {
    servers.simulator = await startSimulator(simulatorOptions);
    const started = await Promise.all(
      names.map((name) => startTestProxy(servers.simulator.url, proxies[name], fastTracker)),
    );
    names.forEach((name, index) => Object.assign(servers, { [name]: started[index] }));
  });
  afterAll(async () => {
    await Promise.all(names.map((name) => (servers[name] as TestProxy | undefined)?.close()));
    await servers.simulator?.close();
  });
  return servers;
}
