import type { OperationKind, PacingPolicy, Transport, UndiciDispatcher } from "@lro/core";
import type { ProxyLogger } from "../observability/logger.js";
import type { ProxyMetrics } from "../observability/metrics.js";
import type { EgressPolicy } from "../security/egress-policy.js";
import type { ChangeFeed } from "../store/change-feed.js";
import type { NotificationSchedule } from "../store/notification-schedule.js";
import type { OperationRecords } from "../store/operation-records.js";
import type { OperationStore } from "../store/operation-store.js";
import type { PollSchedule } from "../store/poll-schedule.js";
import type { Retention } from "../store/retention.js";
import type { NotificationOptions } from "./notifier.js";
import type { TokenVault } from "./token-vault.js";

/** Core's pacing (`@lro/core`'s `EnginePolicy` without `maxRetries`: only the deadline ends the following). */
export interface TrackerPollOptions extends Partial<PacingPolicy> {
  /**
   * How monitors are called; default: core's undici transport over `dispatcher` when given (the fastest
   * per poll), else over `fetch` when given, else over core's own undici pool.
   */
  transport?: Transport;
  /** An undici dispatcher for monitor polls (e.g. the upstream client's, with its egress lookup). */
  dispatcher?: UndiciDispatcher;
  /** A `fetch` for notifications, and for monitor polls without a `dispatcher` (e.g. the upstream client's). */
  fetch?: typeof globalThis.fetch;
  /** The largest monitor answer read (core's transport cap; beyond it the operation fails). Default 1 MiB. */
  maxResponseBytes?: number;
  /** How long one poll may take. Default 30 s. */
  requestTimeoutMs?: number;
}

export interface TrackerOptions {
  /** Every concern of the store but its lifetime: whoever opened the store closes it. */
  store: OperationRecords &
    PollSchedule &
    NotificationSchedule &
    ChangeFeed &
    Retention &
    Pick<OperationStore, "roundTrips">;
  egress: Pick<EgressPolicy, "assertAllowed" | "mayReceiveToken">;
  logger: ProxyLogger;
  metrics: ProxyMetrics;
  pollOptions?: TrackerPollOptions;
  /** Tells the time (epoch ms). Default `Date`. */
  clock?: { now(): number };
  /** How long finished operations are kept. Default 24 h. */
  retentionMs?: number;
  /**
   * How long after its adoption an operation that has not ended is followed; then the proxy stops, says so
   * (`tracking.state` `stopped`, reason `deadlineExceeded`) and keeps the last status. Default 7 days.
   */
  deadlineMs?: number;
  /** Operations one identity may have followed at once; beyond it `adopt` throws `TooManyOperationsError`. */
  maxOperationsPerOwner?: number;
  /** Polls and notifications in flight at once, all origins together. Default 512. */
  concurrency?: number;
  /**
   * Polls and notifications in flight at once to one origin (scheme, host and port), so that a slow or
   * throttling origin cannot hold every slot. Default 256.
   */
  concurrencyPerOrigin?: number;
  /** Due rows claimed by one statement, and poll outcomes written by one statement. Default 500. */
  batchSize?: number;
  /** How far ahead due rows are claimed (then started by local timers). Default 2 s. */
  lookAheadMs?: number;
  /** How long a poll's outcome waits for others to be written in the same statement. Default 25 ms. */
  writeDelayMs?: number;
  /** How long a claimed row stays with this process before another may take it. Default 2 min. */
  leaseMs?: number;
  /** How often the retention sweeper runs. Default 1 min. */
  sweepIntervalMs?: number;
  notifications?: Partial<NotificationOptions>;
  /** Where callers' tokens are kept (an encrypted file across restarts, app-only credentials as fallback). Default: memory only. */
  vault?: TokenVault;
}

/** What `adopt` takes: a monitor to follow on behalf of `owner`. */
export interface AdoptInput {
  owner: string;
  monitorUrl: string;
  /** The request that started the operation, when the proxy forwarded it. */
  requestUrl?: string;
  /** The caller's Graph token: kept in memory only, sent only where the egress policy allows. */
  authorization?: string;
  /** The origin the token was issued for; default the origin of `requestUrl`. */
  tokenOrigin?: string;
  notificationUrl?: string;
  /** The upstream's Retry-After on the 202: the first poll waits that long (capped by `maxRetryAfter`). */
  retryAfterMs?: number;
  /** Reads every answer as this flavour instead of detecting it. */
  kind?: OperationKind;
}
