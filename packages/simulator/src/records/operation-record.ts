import type { Outcome } from "../scenario/scenario.js";
import type { SimulatedOperationKind } from "./operation-kind.js";
import type { SimulatedOperation } from "./simulated-operation.js";
import { rawStatus } from "./status-vocabulary.js";

/** What tests and benchmarks read about one operation (a copy; later polls do not change it). */
export interface OperationRecord {
  id: string;
  kind: SimulatedOperationKind;
  action: string;
  monitorUrl: string | undefined;
  createdAt: number;
  /** Epoch ms at which the operation is (or will be) terminal upstream, fixed by its scenario. */
  terminalAt: number;
  /** The normalised end: "succeeded" or "failed". */
  finalStatus: Outcome;
  /** The flavour's own word for the end, e.g. "completed" or "complete". */
  rawFinalStatus: string;
  polls: number;
  pollTimes: number[];
  /** True when any request to the monitor origin for this operation carried an Authorization header. */
  authorizationSeen: boolean;
}

export function toOperationRecord(operation: SimulatedOperation): OperationRecord {
  const { timeline } = operation;
  return {
    id: operation.id,
    kind: operation.kind,
    action: operation.action,
    monitorUrl: operation.monitorUrl,
    createdAt: timeline.createdAt,
    terminalAt: timeline.terminalAt,
    finalStatus: timeline.outcome,
    rawFinalStatus: rawStatus(operation.kind, timeline.outcome),
    polls: operation.polls,
    pollTimes: operation.pollTimes === undefined ? [] : [...operation.pollTimes],
    authorizationSeen: operation.authorizationSeen,
  };
}
