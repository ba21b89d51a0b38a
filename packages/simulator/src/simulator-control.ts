import { mergeScenario } from "./scenario/merge-scenario.js";
import { parseScenario } from "./scenario/parse-scenario.js";
import type { ScenarioOptions } from "./scenario/scenario.js";
import type { SimulatorState } from "./simulator-state.js";
import { createSeededRandom } from "./timeline/seeded-random.js";

/** Lays `options` over the current defaults; throws SimulatorScenarioError naming every bad field. */
export function configureDefaults(state: SimulatorState, options: unknown, source = "configure()"): void {
  const parsed = parseScenario(options, source);
  if (!parsed.success) throw parsed.error;
  state.defaults = mergeScenario(state.defaults, parsed.data satisfies ScenarioOptions);
  state.scenarioCache.clear();
}

/** Forgets every operation and counter and restarts the seeded generator; defaults stay as configured. */
export function resetState(state: SimulatorState, seed: number): void {
  state.store.clear();
  state.counters.clear();
  state.copiedItems.clear();
  state.random = createSeededRandom(seed);
}
