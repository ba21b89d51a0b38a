import { randomUUID } from "node:crypto";
import type { SimulatedOperationKind } from "../records/operation-kind.js";
import type { GraphVersion, SimulatedOperation } from "../records/simulated-operation.js";
import type { Outcome, ResolvedScenario } from "../scenario/scenario.js";
import type { SimulatorState } from "../simulator-state.js";

export interface OperationInput {
  kind: SimulatedOperationKind;
  action: string;
  version: GraphVersion;
  scenario: ResolvedScenario;
  details: Record<string, string>;
  /** The request's clock reading: the operation's creation time. */
  now: number;
  /** Builds the absolute monitor address from the operation id; omit for an action that answered at once. */
  monitorUrl?: (id: string) => string;
  id?: string;
}

function decideOutcome(scenario: ResolvedScenario, random: () => number): Outcome {
  if (scenario.failureRate !== undefined) return random() < scenario.failureRate ? "failed" : "succeeded";
  return scenario.outcome ?? "succeeded";
}

/** Fixes an operation's whole timeline now, from its scenario; polls later only read the clock. */
export function createOperation(state: SimulatorState, input: OperationInput): SimulatedOperation {
  const { scenario } = input;
  const id = input.id ?? randomUUID();
  const createdAt = input.now;
  const immediate = scenario.immediate || input.monitorUrl === undefined;
  const startsAt = createdAt + (immediate ? 0 : scenario.notStartedMs);
  const terminalAt = startsAt + (immediate ? 0 : scenario.durationMs);
  const operation: SimulatedOperation = {
    id,
    kind: input.kind,
    action: input.action,
    version: input.version,
    monitorUrl: input.monitorUrl?.(id),
    timeline: {
      createdAt,
      startsAt,
      terminalAt,
      outcome: decideOutcome(scenario, state.random),
      progress: scenario.progress,
      futureStatus: scenario.futureStatus,
    },
    scenario,
    details: input.details,
    polls: 0,
    pollTimes: state.recordPollTimes ? [] : undefined,
    authorizationSeen: false,
  };
  state.store.add(operation);
  return operation;
}
