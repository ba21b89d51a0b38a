import { startSimulator, type Simulator, type SimulatorOptions } from "@lro/simulator";
import { afterAll, beforeAll } from "vitest";
import {
  dropSchema,
  testDatabaseUrl,
  uniqueSchemaName,
} from "../../store/postgres/test-support/test-database.js";
import { startInstance, type InstanceProcess } from "./cluster-processes.js";

export interface ThreeInstancesSetup {
  apiKey: string;
  simulator?: SimulatorOptions;
  leaseMs: number;
  /** Must be shorter than the lease: a poll is never claimed twice while it waits. */
  upstreamTimeoutMs: number;
  /** More flags for every instance (limits, batch size). */
  flags?: readonly string[];
}

export interface ThreeInstances {
  simulator: Simulator;
  instances: [InstanceProcess, InstanceProcess, InstanceProcess];
  /** `fetch` with the cluster's API key. */
  call(url: string, init?: RequestInit): Promise<Response>;
}

/**
 * Registers, in the calling `describe`, a simulator and three `lro-proxy` processes on a schema of their own
 * in the test database (before all its tests), and their SIGKILL and the schema's drop (after). Read the
 * returned object's fields inside the tests.
 */
export function useThreeInstances(setup: ThreeInstancesSetup): ThreeInstances {
  const url = testDatabaseUrl as string;
  const schema = uniqueSchemaName();
  const cluster = {
    call: (target: string, init: RequestInit = {}) =>
      fetch(target, { ...init, headers: { "x-api-key": setup.apiKey, ...init.headers } }),
  } as ThreeInstances;

  beforeAll(async () => {
    cluster.simulator = await startSimulator(setup.simulator);
    const flags = [
      ...["--upstream", cluster.simulator.url, "--port", "0", "--api-key", setup.apiKey],
      ...["--database-url", url, "--database-schema", schema, "--lease", `${setup.leaseMs}ms`],
      ...["--upstream-timeout", `${setup.upstreamTimeoutMs}ms`],
      ...["--allow-origin", "http://127.0.0.1:*", "--allow-address", "127.0.0.1", "--log-level", "error"],
      ...(setup.flags ?? []),
    ];
    cluster.instances = await Promise.all([startInstance(flags), startInstance(flags), startInstance(flags)]);
  }, 60_000);

  afterAll(async () => {
    const instances = cluster.instances ?? [];
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill("SIGKILL");
    await Promise.all(instances.map((instance) => instance.exited));
    await dropSchema(url, schema);
    await cluster.simulator?.close();
  }, 30_000);

  return cluster;
}
