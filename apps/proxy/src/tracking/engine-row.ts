import { operationKindSchema, storedEngineStateSchema, type EngineState } from "@lro/core";
import type { JsonObject, OperationRecord } from "../store/operation-record.js";

/**
 * The engine's state as a row keeps it: in the `pacing` column, without the snapshot (the row's own
 * `operation` column holds it). Rows written before the engine held `{ samples, retryAfterMs?, kind? }`
 * there; they are read as a state with those samples and rewritten in this form by their next poll.
 */
export function readEngineState(record: OperationRecord, deadline: number): EngineState {
  // The snapshot is the row's own column, already read: only the small rest is checked on every poll.
  const parsed = storedEngineStateSchema.safeParse(record.schedule.pacing);
  const state = parsed.success ? parsed.data : upgradedState(record, deadline);
  if (record.schedule.attempt > 0) state.operation = record.operation;
  else delete state.operation;
  return state;
}

/** A row of the format before the engine, or one this version cannot read: its pacing starts afresh. */
function upgradedState(record: OperationRecord, deadline: number): EngineState {
  const old = storedEngineStateSchema.safeParse({
    version: 1,
    monitorUrl: record.monitorUrl,
    samples: record.schedule.pacing["samples"] ?? [],
    attempt: record.schedule.attempt,
    nextPollAt: record.schedule.dueAt ?? record.updatedAt,
  });
  const state: EngineState = old.success
    ? old.data
    : {
        version: 2,
        monitorUrl: record.monitorUrl,
        samples: [],
        attempt: record.schedule.attempt,
        failures: 0,
        nextPollAt: record.schedule.dueAt ?? record.updatedAt,
      };
  if (record.requestUrl !== undefined) state.requestUrl = record.requestUrl;
  const kind = operationKindSchema.safeParse(record.schedule.pacing["kind"]);
  if (kind.success) state.kind = kind.data;
  const retryAfterMs = record.schedule.pacing["retryAfterMs"];
  if (typeof retryAfterMs === "number" && retryAfterMs >= 0) state.retryAfterMs = retryAfterMs;
  state.deadline = deadline;
  return state;
}

/** Why the proxy stopped following an operation that had not ended upstream. */
export interface StoppedMark {
  reason: "deadlineExceeded";
  /** When it stopped (epoch ms). */
  at: number;
}

/** The state as the `pacing` column keeps it: plain JSON, the snapshot left out; `stopped` when it is. */
export function toEngineRow(state: EngineState, stopped?: StoppedMark): JsonObject {
  const { operation: _snapshot, ...kept } = state;
  const row = JSON.parse(JSON.stringify(kept)) as JsonObject;
  if (stopped !== undefined) row["stopped"] = { reason: stopped.reason, at: stopped.at };
  return row;
}
