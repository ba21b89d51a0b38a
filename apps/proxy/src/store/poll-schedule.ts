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

/**
 * When each operation is polled next. The schedule lives in the rows (due times, attempts, failures, the
 * pacing history), so any instance can pick up polling after a restart; several instances share the work
 * through leases: `claimDue` hands each due row to one lease owner for `leaseMs`.
 */
export interface PollSchedule {
  /** Leases up to `limit` operations whose poll is due, earliest first. */
  claimDue(now: number, limit: number, leaseOwner: string, leaseMs: number): Promise<OperationRecord[]>;
  /** Writes a poll's outcome if the lease is still held; undefined when it is not (e.g. deleted meanwhile). */
  recordPoll(id: string, leaseOwner: string, result: PollResult): Promise<OperationRecord | undefined>;
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
