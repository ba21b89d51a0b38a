import { startSimulator } from "@lro/simulator";
import type { ScenarioOptions, Simulator } from "@lro/simulator";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createTransport } from "../create-transport.js";
import type { Transport } from "../transport.js";

export interface SimulatorFixture {
  simulator: Simulator;
  transport: Transport;
  /** The headers that give one request its scenario. */
  scenario(options: ScenarioOptions): Record<string, string>;
}

/** One real simulator on port 0 for the file (reset after each test) and a keep-alive transport. */
export function useSimulator(defaults: ScenarioOptions = {}): SimulatorFixture {
  const fixture = {} as SimulatorFixture;
  beforeAll(async () => {
    fixture.simulator = await startSimulator({ defaults: { durationMs: 300, ...defaults } });
    fixture.transport = createTransport();
    fixture.scenario = (options) => ({ "x-simulator-scenario": JSON.stringify(options) });
  });
  afterEach(() => fixture.simulator.reset());
  afterAll(async () => {
    await fixture.transport.close();
    await fixture.simulator.close();
  });
  return fixture;
}
