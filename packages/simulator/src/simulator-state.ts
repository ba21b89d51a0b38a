import { OperationStore } from "./records/operation-store.js";
import { RequestCounters } from "./records/request-counters.js";
import type { SimulatedOperation } from "./records/simulated-operation.js";
import type { ResolvedScenario } from "./scenario/scenario.js";

/** Everything the two servers share. Operation states are computed from the clock, never from timers. */
export interface SimulatorState {
  readonly store: OperationStore;
  readonly counters: RequestCounters;
  /** New drive items made by driveItem copies, by item id (served after the copy succeeded). */
  readonly copiedItems: Map<string, SimulatedOperation>;
  /** Parsed and merged `x-simulator-scenario` headers by their text; cleared when defaults change. */
  readonly scenarioCache: Map<string, ResolvedScenario>;
  defaults: ResolvedScenario;
  random: () => number;
  readonly now: () => number;
  readonly recordPollTimes: boolean;
  /** The seed `reset()` restarts the generator with. */
  readonly seed: number;
  graphOrigin: string;
  monitorOrigin: string;
}

export function createSimulatorState(input: {
  defaults: ResolvedScenario;
  seed: number;
  random: () => number;
  now: () => number;
  recordPollTimes: boolean;
}): SimulatorState {
  return {
    store: new OperationStore(),
    counters: new RequestCounters(),
    copiedItems: new Map(),
    scenarioCache: new Map(),
    graphOrigin: "",
    monitorOrigin: "",
    ...input,
  };
}
