import type { Operation } from "@lro/core";
import type { JsonObject, OperationRecord } from "./operation-record.js";

/** What one poll (or the tracker's decision after it) changes. Writing it releases the lease. */
export interface PollResult {
  now: number;
  /** The new snapshot; the record's `version` moves only when `changed` is true. */
  operation: Operation;
  changed: boolean;
  statusNote?: string;
  awaitingAuthorization: boolean;
  dueAt?: number;
  attempt: number;
  consecutiveFailures: number;
  pacing: JsonObject;
  /** Set when the operation just ended: when it ended and when it will be removed. */
  terminal?: { at: number; expiresAt: number };
  /** Set when the operation just ended and has a `notificationUrl`. */
  notificationDueAt?: number;
  /** When the monitor answers from elsewhere (e.g. after a redirect), its new address. */
  tokenOrigin?: string | null;
}

/** One poll's outcome among those `recordPolls` writes together. */
export interface PollOutcomeWrite {
  id: string;
  result: PollResult;
}

/** How `claimDue` looks ahead. */
export interface ClaimOptions {
  /**
   * Claims rows due up to this time (epoch ms, at least `now`): a look-ahead, so that polls due in the
   * near future are claimed in one batch and started by local timers. Default `now`.
   */
  until?: number;
}

/**
 * When each operation is polled next. The schedule lives in the rows (due times, attempts, failures, the
 * pacing history), so any instance can pick up polling after a restart; several instances share the work
 * through leases: `claimDue` hands each due row to one lease owner for `leaseMs`.
 */
export interface PollSchedule {
  /**
   * Leases up to `limit` operations whose poll is due by `options.until` (default `now`), earliest first.
   * Each lease runs until `leaseMs` after the later of the row's due time and `now`; until then no other
   * lease owner can claim the row. The records returned carry the time their poll was due in
   * `schedule.dueAt` (the row itself keeps the lease's end as its due time: if its holder dies, the row
   * becomes due again then).
   */
  claimDue(
    now: number,
    limit: number,
    leaseOwner: string,
    leaseMs: number,
    options?: ClaimOptions,
  ): Promise<OperationRecord[]>;
  /** Writes a poll's outcome if the lease is still held; undefined when it is not (e.g. deleted meanwhile). */
  recordPoll(id: string, leaseOwner: string, result: PollResult): Promise<OperationRecord | undefined>;
  /**
   * Writes many polls' outcomes at once (one statement, or one transaction), each as `recordPoll` would:
   * the record written, or undefined where the lease is no longer held; in the order given. Changes are
   * announced in version order once all are written.
   */
  recordPolls(
    leaseOwner: string,
    outcomes: readonly PollOutcomeWrite[],
  ): Promise<(OperationRecord | undefined)[]>;
  /** The earliest time any poll or notification becomes due (leases taken into account). */
  nextDueAt(): Promise<number | undefined>;
  /** Makes the owner's operations that wait for a token from `tokenOrigin` due at `now`; returns them. */
  resumeAwaitingAuthorization(owner: string, tokenOrigin: string, now: number): Promise<OperationRecord[]>;
  /**
   * Stores shared by several processes: calls `watcher` whenever work may have become due that this
   * process did not schedule (an operation adopted elsewhere, a lease run out). Returns the unsubscribe function.
   */
  watchSchedule?(watcher: () => void): () => void;
}
