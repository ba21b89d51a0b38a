import type { Operation, OperationStatus } from "@lro/core";
import type { ConnectionState, SourceEvent } from "../sources/operation-source.js";
import type { EntryStatus } from "./entry-status.js";
import { entryStatus, noStatusCounts } from "./entry-status.js";
import type { EntryMap, EntryMapEdit } from "./entry-map.js";
import { editEntries, emptyEntryMap } from "./entry-map.js";

export interface TimelineEntry {
  status: OperationStatus;
  rawStatus: string;
  at: number;
  /** `at` is when the dashboard saw the change: the operation named no time for it. */
  observed: boolean;
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
  /** Every operation followed, by key (persistent: a batch shares what it did not change). */
  entries: EntryMap;
  connection: ConnectionState;
  /** When the connection took its current state (a reconnection's delay counts from there). */
  connectionAt: number;
  listed: boolean;
  /** How many entries have each status: updated from each batch's before and after, never recounted. */
  counts: Readonly<Record<EntryStatus, number>>;
  /** Counts batches: a state made from `previous` by one batch has `previous.revision + 1`. */
  revision: number;
  /**
   * The keys whose entry the batch that made this state set or removed (nothing else differs from the
   * previous revision's `entries`): what is derived from the entries (the sorted rows) follows these
   * alone instead of comparing 10,000 entries.
   */
  changed: ReadonlySet<string>;
}

export const initialOperationsState: OperationsState = {
  entries: emptyEntryMap,
  connection: { state: "connecting" },
  connectionAt: 0,
  listed: false,
  counts: noStatusCounts(),
  revision: 0,
  changed: new Set(),
};

/** What a batch gathers while it folds its events: the entries, the counts and the keys it changed. */
interface Batch {
  entries: EntryMapEdit;
  counts: Record<EntryStatus, number>;
  changed: Set<string>;
}

/** Puts `entry` in place of `previous` (or removes `previous`), moving one count from its status to the new one. */
function replace(
  batch: Batch,
  key: string,
  previous: OperationEntry | undefined,
  entry: OperationEntry | undefined,
) {
  if (previous !== undefined) batch.counts[entryStatus(previous)] -= 1;
  if (entry === undefined) batch.entries.delete(key);
  else {
    batch.entries.set(key, entry);
    batch.counts[entryStatus(entry)] += 1;
  }
  batch.changed.add(key);
}

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

const parsedTime = (text: string | undefined) => {
  const parsed = text === undefined ? Number.NaN : Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
};

/**
 * When a status change happened by the operation's own account: its creation time for a first
 * `notStarted`, its last action time otherwise (Graph moves it with every step), when that is neither
 * before the previous change nor after the snapshot arrived. Otherwise when the dashboard saw it, marked
 * `observed`.
 */
function changedAt(operation: Operation, previous: TimelineEntry | undefined, receivedAt: number) {
  const reported =
    previous === undefined && operation.status === "notStarted"
      ? parsedTime(operation.createdDateTime)
      : parsedTime(operation.lastActionDateTime);
  if (reported !== undefined && reported <= receivedAt && reported >= (previous?.at ?? -Infinity)) {
    return { at: reported, observed: false };
  }
  return { at: receivedAt, observed: true };
}

function nextTimeline(entry: OperationEntry | undefined, operation: Operation, at: number) {
  const timeline = entry?.timeline ?? [];
  const last = timeline.at(-1);
  if (last !== undefined && last.status === operation.status && last.rawStatus === operation.rawStatus) {
    return timeline;
  }
  return [
    ...timeline,
    { status: operation.status, rawStatus: operation.rawStatus, ...changedAt(operation, last, at) },
  ];
}

/** Folds one event into a state whose entries' edit and counts the caller owns (made once per batch). */
function applyTo(state: OperationsState, batch: Batch, event: SourceEvent): OperationsState {
  const entries = batch.entries;
  switch (event.type) {
    case "operation": {
      const { key, operation, monitorUrl, version } = event.update;
      const previous = entries.get(key);
      if (previous?.version !== undefined && version !== undefined && version < previous.version)
        return state;
      replace(batch, key, previous, {
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
      return state;
    }
    case "problem": {
      const previous = entries.get(event.key);
      replace(batch, event.key, previous, {
        timeline: [],
        firstSeenAt: event.at,
        ...previous,
        key: event.key,
        monitorUrl: previous?.monitorUrl ?? event.monitorUrl,
        updatedAt: event.at,
        problem: event.message,
      });
      return state;
    }
    case "removed": {
      const previous = entries.get(event.key);
      if (previous !== undefined) replace(batch, event.key, previous, undefined);
      return state;
    }
    case "connection":
      return { ...state, connection: event.connection, connectionAt: event.at };
    case "listed":
      return { ...state, listed: true };
  }
}

/**
 * The pure reducer of a batch of source events: the dashboard's whole model of what it follows. The
 * entries are edited once per batch (a persistent map: a batch of 3 changes does not copy 10,000). The
 * counts by status move with each changed entry, and the batch's changed keys are named in `changed`.
 */
export function applySourceEvents(state: OperationsState, events: readonly SourceEvent[]): OperationsState {
  if (events.length === 0) return state;
  const batch: Batch = {
    entries: editEntries(state.entries),
    counts: { ...state.counts },
    changed: new Set(),
  };
  let next = state;
  for (const event of events) next = applyTo(next, batch, event);
  return {
    ...next,
    entries: batch.entries.done(),
    counts: batch.counts,
    revision: state.revision + 1,
    changed: batch.changed,
  };
}

/** One event: `applySourceEvents` of a batch of one. */
export function applySourceEvent(state: OperationsState, event: SourceEvent): OperationsState {
  return applySourceEvents(state, [event]);
}
