// Starting the simulator
export { startSimulator } from "./start-simulator.js";
export type { Simulator, SimulatorOptions } from "./start-simulator.js";

// Scenarios
export { parseScenario, parseScenarioHeader } from "./scenario/parse-scenario.js";
export type { ScenarioParseResult } from "./scenario/parse-scenario.js";
export { SimulatorScenarioError } from "./scenario/scenario-error.js";
export { scenarioHeader } from "./routes/request-scenario.js";
export type {
  CopyCompletion,
  FutureStatusFault,
  MonitorErrorFault,
  Outcome,
  PollWindow,
  ProgressCurve,
  ResolvedScenario,
  RetryAfterFormat,
  ScenarioOptions,
  SimulatedError,
  SlowFault,
  ThrottleFault,
} from "./scenario/scenario.js";

// Reproducible draws (the generator behind `failureRate` with a `seed`)
export { createSeededRandom } from "./timeline/seeded-random.js";

// Records
export { simulatedOperationKinds } from "./records/operation-kind.js";
export type { SimulatedOperationKind } from "./records/operation-kind.js";
export type { OperationRecord } from "./records/operation-record.js";
export type { RequestCount } from "./records/request-counters.js";
