import type { OperationRecord } from "@lro/simulator";
import type { Observation } from "./client-task.js";

const normalised = (url: string) => new URL(url).href;

/** Finds the simulator's record of each observed operation: by monitor address, else by operation id. */
export function recordFinder(records: readonly OperationRecord[]) {
  const byMonitor = new Map<string, OperationRecord>();
  const byId = new Map<string, OperationRecord>();
  for (const record of records) {
    if (record.monitorUrl !== undefined) byMonitor.set(normalised(record.monitorUrl), record);
    byId.set(record.id, record);
  }
  return (observation: Observation): OperationRecord | undefined => {
    if (observation.monitorUrl !== undefined) return byMonitor.get(normalised(observation.monitorUrl));
    return observation.operationId === undefined ? undefined : byId.get(observation.operationId);
  };
}

/** How late the operation's end was seen: in all, at the upstream (the terminal poll), and in the client after it. */
export interface Lag {
  totalMs: number;
  /** The poll that saw the end (simulator clock) minus the upstream end: the pacing's share. */
  pacingMs: number | undefined;
  /** The client settling minus that poll: transport, parsing and event-loop delay in the client. */
  clientMs: number | undefined;
}

export function lagOf(observation: Observation, record: OperationRecord): Lag {
  const terminalPoll = record.pollTimes.find((time) => time >= record.terminalAt);
  return {
    totalMs: observation.settledAt - record.terminalAt,
    pacingMs: terminalPoll === undefined ? undefined : terminalPoll - record.terminalAt,
    clientMs: terminalPoll === undefined ? undefined : observation.settledAt - terminalPoll,
  };
}
