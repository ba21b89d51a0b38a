import type { Operation } from "@lro/core";
import type { OperationChange, OperationChangeListener } from "./operation-change.js";
import type { OperationFilter } from "./operation-filter.js";
import type {
  JsonObject,
  NewOperationRecord,
  NotificationProgress,
  OperationRecord,
} from "./operation-record.js";

/** Keyset position in the newest-first order `(createdAt DESC, id DESC)`: the last item of the previous page. */
export interface ListCursor {
  createdAt: number;
  id: string;
}

export interface ListOptions {
  /** Items to return (the caller asks one more to learn whether a next page exists). */
  limit: number;
  after?: ListCursor;
  filter?: OperationFilter;
}

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

/** What `sweep` removed. */
export interface SweepResult {
  /** Finished operations past their `expiresAt`, now deleted (subscribers see `deleted`). */
  expired: number;
  /** Deletion markers older than the retention, purged for good. */
  purged: number;
}

/**
 * Where followed operations live. Every owner-facing query is scoped by `owner`: another identity's
 * operation does not exist for it. The schedule lives in the rows: due times, attempts, failures and
 * the pacing history, so that any instance can pick up polling after a restart. Several instances
 * share the work through leases: `claimDue` hands each due row to one lease owner for `leaseMs`.
 */
export interface OperationStore {
  insert(record: NewOperationRecord): Promise<OperationRecord>;
  get(owner: string, id: string): Promise<OperationRecord | undefined>;
  /** Newest first. */
  list(owner: string, options: ListOptions): Promise<OperationRecord[]>;
  /** Operations of the owner still being followed (not finished, not deleted). */
  countActive(owner: string): Promise<number>;
  /** Operations (not deleted) by normalised status, across owners: for metrics. */
  countByStatus(): Promise<Record<string, number>>;
  /** Stops following and forgets the operation; subscribers see `deleted`. False when there was none. */
  remove(owner: string, id: string, now: number): Promise<boolean>;

  /** Leases up to `limit` operations whose poll is due, earliest first. */
  claimDue(now: number, limit: number, leaseOwner: string, leaseMs: number): Promise<OperationRecord[]>;
  /** Writes a poll's outcome if the lease is still held; undefined when it is not (e.g. deleted meanwhile). */
  recordPoll(id: string, leaseOwner: string, result: PollResult): Promise<OperationRecord | undefined>;
  /** The earliest time any poll or notification becomes due (leases taken into account). */
  nextDueAt(): Promise<number | undefined>;
  /** Makes the owner's operations that wait for a token from `tokenOrigin` due at `now`; returns them. */
  resumeAwaitingAuthorization(owner: string, tokenOrigin: string, now: number): Promise<OperationRecord[]>;

  /** Leases up to `limit` finished operations whose notification is due. */
  claimDueNotifications(
    now: number,
    limit: number,
    leaseOwner: string,
    leaseMs: number,
  ): Promise<OperationRecord[]>;
  /** Writes a delivery attempt's outcome if the lease is still held. */
  recordNotification(id: string, leaseOwner: string, progress: NotificationProgress): Promise<void>;

  /** Every change of the owner's operations after `version`, in version order: the latest state of each. */
  listChangesSince(owner: string, version: number, options?: { id?: string }): Promise<OperationChange[]>;
  /** Removes finished operations past `expiresAt` and deletion markers older than `markerRetentionMs`. */
  sweep(now: number, markerRetentionMs: number): Promise<SweepResult>;
  /** Calls `listener` after every committed change; returns the unsubscribe function. */
  subscribe(listener: OperationChangeListener): () => void;
  /**
   * Stores shared by several processes: calls `watcher` whenever work may have become due that this
   * process did not schedule (an operation adopted elsewhere, a lease run out). Returns the unsubscribe function.
   */
  watchSchedule?(watcher: () => void): () => void;
  /** Stores that can tell: why the store is failing (a damaged file), or nothing while it is sound. */
  health?(): string | undefined;
  close(): Promise<void>;
}
