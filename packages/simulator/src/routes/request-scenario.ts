import type { Exchange } from "../http/exchange.js";
import { mergeScenario } from "../scenario/merge-scenario.js";
import { parseScenarioHeader } from "../scenario/parse-scenario.js";
import type { ResolvedScenario } from "../scenario/scenario.js";
import type { SimulatorState } from "../simulator-state.js";

export const scenarioHeader = "x-simulator-scenario";
const maxCachedScenarios = 256;

/** The scenario for this request: defaults, or the header laid over them. Answers 400 on a bad header. */
export function requestScenario(state: SimulatorState, exchange: Exchange): ResolvedScenario | undefined {
  const text = exchange.header(scenarioHeader);
  if (text === undefined || text.trim() === "") return state.defaults;
  const cached = state.scenarioCache.get(text);
  if (cached !== undefined) return cached;
  const parsed = parseScenarioHeader(text);
  if (!parsed.success) {
    exchange.route = "scenario.invalid";
    exchange.sendError(400, "invalidRequest", parsed.error.message);
    return undefined;
  }
  const scenario = mergeScenario(state.defaults, parsed.data);
  if (state.scenarioCache.size >= maxCachedScenarios) state.scenarioCache.clear();
  state.scenarioCache.set(text, scenario);
  return scenario;
}
