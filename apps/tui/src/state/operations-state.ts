import type { Operation, OperationStatus } from "@lro/core";
import type { ConnectionState, SourceEvent } from "../sources/operation-source.js";

export interface TimelineEntry {
  status: OperationStatus;
  rawStatus: string;
  at: number;
}

export interface ProgressSample {
  percent: number;
  at: number;
}

/** One row of the dashboard: the latest snapshot plus what the dashboard observed over time. */
export interface OperationEntry {
  key: string;
  operation?: Operation;
  monitorUrl?: string;
  version?: number;
  firstSeenAt: number;
  updatedAt: number;
  timeline: readonly TimelineEntry[];
  /** The first and the latest distinct progress seen: enough for an estimate of the time left. */
  progress?: { first: ProgressSample; latest: ProgressSample };
  /**
   * The latest type (or operation type) any snapshot named: a driveItem copy's monitor says `ItemCopy`
   * while it runs and nothing once it completes, and the row should not turn into `asyncJobStatus`.
   */
  knownType?: string;
  problem?: string;
}

export interface OperationsState {
  entries: ReadonlyMap<string, OperationEntry>;
  connection: ConnectionState;
  /** When the connection took its current state (a reconnection's delay counts from there). */
  connectionAt: number;
  listed: boolean;
}

export const initialOperationsState: OperationsState = {
  entries: new Map(),
  connection: { state: "connecting" },
  connectionAt: 0,
  listed: false,
};

/**
 * When a percentage was true: the operation's own last action time when it names one (a poll reports
 * progress up to a poll interval late, and a list or replay much later), never after it was received.
 */
function sampledAt(operation: Operation, receivedAt: number): number {
  const reported =
    operation.lastActionDateTime === undefined ? Number.NaN : Date.parse(operation.lastActionDateTime);
  return Number.isNaN(reported) ? receivedAt : Math.min(reported, receivedAt);
}

function nextProgress(entry: OperationEntry | undefined, operation: Operation, at: number) {
  const percent = operation.percentComplete;
  if (percent === undefined) return entry?.progress;
  const sample = { percent, at: sampledAt(operation, at) };
  if (entry?.progress === undefined || percent < entry.progress.latest.percent) {
    return { first: sample, latest: sample };
  }
  if (percent === entry.progress.latest.percent) return entry.progress;
  return { first: entry.progress.first, latest: sample };
}

function nextTimeline(entry: OperationEntry | undefined, operation: Operation, at: number) {
  const timeline = entry?.timeline ?? [];
  const last = timeline.at(-1);
  if (last !== undefined && last.status === operation.status && last.rawStatus === operation.rawStatus) {
    return timeline;
  }
  return [...timeline, { status: operation.status, rawStatus: operation.rawStatus, at }];
}

function withEntry(state: OperationsState, entry: OperationEntry): OperationsState {
  const entries = new Map(state.entries);
  entries.set(entry.key, entry);
  return { ...state, entries };
}

/** The pure reducer of source events: the dashboard's whole model of what it follows. */
export function applySourceEvent(state: OperationsState, event: SourceEvent): OperationsState {
  switch (event.type) {
    case "operation": {
      const { key, operation, monitorUrl, version } = event.update;
      const previous = state.entries.get(key);
      if (previous?.version !== undefined && version !== undefined && version < previous.version)
        return state;
      return withEntry(state, {
        key,
        operation,
        monitorUrl: monitorUrl ?? previous?.monitorUrl,
        version: version ?? previous?.version,
        firstSeenAt: previous?.firstSeenAt ?? event.at,
        updatedAt: event.at,
        timeline: nextTimeline(previous, operation, event.at),
        progress: nextProgress(previous, operation, event.at),
        knownType: operation.type ?? operation.operationType ?? previous?.knownType,
      });
    }
    case "problem": {
      const previous = state.entries.get(event.key);
      return withEntry(state, {
        timeline: [],
        firstSeenAt: event.at,
        ...previous,
        key: event.key,
        monitorUrl: previous?.monitorUrl ?? event.monitorUrl,
        updatedAt: event.at,
        problem: event.message,
      });
    }
    case "removed": {
      if (!state.entries.has(event.key)) return state;
      const entries = new Map(state.entries);
      entries.delete(event.key);
      return { ...state, entries };
    }
    case "connection":
      return { ...state, connection: event.connection, connectionAt: event.at };
    case "listed":
      return { ...state, listed: true };
  }
}
