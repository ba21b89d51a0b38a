import type { ResolvedScenario, ScenarioOptions } from "./scenario.js";

/**
 * Lays `override` over `base`. An explicit `outcome` in the override beats a `failureRate` inherited from the
 * base, and the other way round, so the more specific layer decides how an operation ends.
 */
export function mergeScenario(base: ResolvedScenario, override: ScenarioOptions): ResolvedScenario {
  const merged: ResolvedScenario = { ...base, ...override };
  if (override.outcome !== undefined && override.failureRate === undefined) delete merged.failureRate;
  if (override.failureRate !== undefined && override.outcome === undefined) delete merged.outcome;
  return merged;
}
