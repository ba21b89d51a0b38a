import type { HeaderValues } from "../http/exchange.js";
import type { SimulatedOperation } from "../records/simulated-operation.js";
import type { SimulatedError } from "../scenario/scenario.js";
import type { OperationSnapshot } from "../timeline/operation-timeline.js";

/** A monitor's answer before faults are applied: status, extra headers and the JSON body (if any). */
export interface MonitorAnswer {
  status: number;
  headers?: HeaderValues;
  body?: unknown;
}

export interface RenderContext {
  /** The Graph-like origin, e.g. http://127.0.0.1:4010 */
  graphOrigin: string;
}

/** Dresses a snapshot in one flavour's JSON. */
export type RenderMonitor = (
  operation: SimulatedOperation,
  snapshot: OperationSnapshot,
  context: RenderContext,
) => MonitorAnswer;

const defaultError: SimulatedError = {
  code: "generalException",
  message: 'The operation failed in the simulator (scenario outcome "failed").',
};

/** The error a failed operation reports: the scenario's, or a generic one. */
export function failureError(operation: SimulatedOperation): SimulatedError {
  return operation.scenario.error ?? defaultError;
}

export function detail(operation: SimulatedOperation, name: string): string {
  const value = operation.details[name];
  if (value === undefined) throw new Error(`operation ${operation.id} has no detail "${name}"`);
  return value;
}
