import { startSimulator } from "@lro/simulator";
import type { OperationSource } from "../sources/operation-source.js";
import { createCoreSource } from "../sources/core-source.js";
import { demoOperations } from "./demo-operations.js";
import { startDemoOperation } from "./start-demo-operation.js";

export interface DemoOptions {
  /** Keep starting a new operation every `everyMs` (the interactive demo); otherwise only the first batch. */
  continuous: boolean;
  everyMs?: number;
  /** How many operations at most, first batch included. */
  limit?: number;
}

export interface DemoSession {
  source: OperationSource;
  close(): Promise<void>;
}

/**
 * The demo without the proxy: a simulator on port 0, a batch of operations of every flavour, and
 * @lro/core following their monitors directly.
 */
export async function startCoreDemo(options: DemoOptions): Promise<DemoSession> {
  const simulator = await startSimulator();
  const started = await Promise.all(
    demoOperations.map((operation) => startDemoOperation(simulator.url, operation)),
  );
  const monitorUrls = started.flatMap((answer) =>
    answer.monitorUrl === undefined ? [] : [answer.monitorUrl],
  );
  const source = createCoreSource({ monitorUrls });
  let count = monitorUrls.length;
  const limit = options.limit ?? 60;
  const timer = options.continuous
    ? setInterval(() => {
        if (count >= limit) return;
        const operation = demoOperations[count % demoOperations.length];
        count += 1;
        if (operation === undefined) return;
        startDemoOperation(simulator.url, operation)
          .then((answer) => answer.monitorUrl !== undefined && source.add(answer.monitorUrl))
          .catch(() => undefined);
      }, options.everyMs ?? 4000)
    : undefined;
  return {
    source,
    async close() {
      clearInterval(timer);
      await simulator.close();
    },
  };
}
