import { randomUUID } from "node:crypto";
import {
  createEnginePolicy,
  createTransport,
  firstPoll,
  initialEngineState,
  kindOfMonitorUrl,
  type Operation,
} from "@lro/core";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";
import { BadRequestError } from "../http-errors/request-errors.js";
import { TooManyOperationsError } from "../http-errors/limit-errors.js";
import type { OperationRecord } from "../store/operation-record.js";
import { createChangeBus, type ChangeBus } from "./change-bus.js";
import { defaultNotificationOptions, type NotificationOptions } from "./notifier.js";
import { createDueLoop } from "./due-loop.js";
import { toEngineRow } from "./engine-row.js";
import { createKeyedQueue } from "./keyed-queue.js";
import { createTokenVault } from "./token-vault.js";
import type { AdoptInput, TrackerOptions } from "./tracker-options.js";

export type { AdoptInput, TrackerOptions, TrackerPollOptions } from "./tracker-options.js";

/** Follows operations: the schedule lives in the store, tokens in memory, changes go out on `changes`. */
export interface Tracker {
  /** Records a monitor to follow for `owner`; the first poll is due at once (or after `retryAfterMs`). */
  adopt(input: AdoptInput): Promise<OperationRecord>;
  /** A request of `owner` brought a token for `origin`: refreshes its operations' tokens, resumes those waiting. */
  provideAuthorization(owner: string, authorization: string, origin: string): Promise<void>;
  /** Stops following an operation and forgets it; false when `owner` has no such operation. */
  forget(owner: string, id: string): Promise<boolean>;
  /** Operations of `owner` still followed (for the per-identity limit). */
  countActive(owner: string): Promise<number>;
  /** Every committed change, for waiting requests and event streams. */
  readonly changes: ChangeBus;
  start(): void;
  /** Stops polling; polls in flight are aborted (their rows stay due and resume on the next start). */
  stop(): Promise<void>;
  isRunning(): boolean;
}

/** How long the proxy follows an operation that has not ended, by default: 7 days. */
export const defaultDeadlineMs = 7 * 24 * 3_600_000;

export function createTracker(options: TrackerOptions): Tracker {
  const { store, egress, logger, metrics } = options;
  const clock = options.clock ?? Date;
  const now = () => clock.now();
  const pollOptions = options.pollOptions ?? {};
  // Throttling and outages never end the following: only the operation's deadline does.
  const policy = createEnginePolicy({ ...pollOptions, maxRetries: Infinity });
  const deadlineMs = options.deadlineMs ?? defaultDeadlineMs;
  // core's undici transport over a dispatcher reads each answer straight from undici's callbacks: about
  // half the CPU per poll of the transport over `fetch` (core README, Transport).
  const transport =
    pollOptions.transport ??
    (pollOptions.dispatcher === undefined
      ? createTransport({
          fetch: pollOptions.fetch,
          requestTimeout: pollOptions.requestTimeoutMs ?? 30_000,
          maxResponseBytes: pollOptions.maxResponseBytes,
        })
      : createTransport({
          dispatcher: pollOptions.dispatcher,
          maxResponseBytes: pollOptions.maxResponseBytes,
        }));
  const notifications: NotificationOptions = {
    ...defaultNotificationOptions,
    fetch: pollOptions.fetch ?? globalThis.fetch,
    ...options.notifications,
  };
  const retentionMs = options.retentionMs ?? 24 * 3_600_000;
  const vault = options.vault ?? createTokenVault();
  const admissions = createKeyedQueue();
  const changes = createChangeBus(store);
  metrics.countOperationsWith(() => store.countByStatus());
  if (store.roundTrips !== undefined) {
    const count = store.roundTrips.bind(store);
    metrics.countRoundTripsWith(count);
  }

  const loop = createDueLoop({
    store,
    logger,
    metrics,
    now,
    leaseOwner: randomUUID(),
    leaseMs: options.leaseMs ?? 120_000,
    concurrency: options.concurrency ?? 512,
    concurrencyPerOrigin: options.concurrencyPerOrigin ?? 256,
    batchSize: options.batchSize ?? 500,
    lookAheadMs: options.lookAheadMs ?? 2_000,
    writeDelayMs: options.writeDelayMs ?? 25,
    pollTimeoutMs: pollOptions.requestTimeoutMs ?? 30_000,
    sweepIntervalMs: options.sweepIntervalMs ?? 60_000,
    retentionMs,
    poll: {
      egress,
      vault,
      transport,
      policy,
      now,
      retentionMs,
      deadlineMs,
    },
    delivery: { egress, options: notifications, now },
  });

  let unwatchSchedule: (() => void) | undefined;

  return {
    changes,
    async adopt(input) {
      const monitor = httpUrl(input.monitorUrl, "monitorUrl");
      // A refusal here is counted like every other refusal of the egress policy.
      const allowed = (url: URL, target: "monitor" | "notification") =>
        egress.assertAllowed(url).catch((error: unknown) => {
          if (EgressDeniedError.isInstance(error)) metrics.egressDenied.inc({ target });
          throw error;
        });
      if (input.notificationUrl !== undefined)
        await allowed(httpUrl(input.notificationUrl, "notificationUrl"), "notification");
      await allowed(monitor, "monitor");
      // The count and the insert of one identity go one at a time, so parallel adoptions cannot pass the limit.
      return admissions.run(input.owner, async () => {
        const limit = options.maxOperationsPerOwner;
        if (limit !== undefined && (await store.countActive(input.owner)) >= limit)
          throw new TooManyOperationsError(limit);

        const tokenOrigin =
          input.tokenOrigin ??
          (input.requestUrl === undefined ? undefined : new URL(input.requestUrl).origin);
        // With app-only credentials every monitor that may receive a token gets one: the caller's, else the proxy's.
        const usesToken =
          (input.authorization !== undefined || vault.hasFallback) &&
          tokenOrigin !== undefined &&
          egress.mayReceiveToken(monitor, tokenOrigin);
        const createdAt = now();
        const adopted = initialEngineState({
          monitorUrl: monitor.href,
          requestUrl: input.requestUrl,
          kind: input.kind,
          now: createdAt,
          retryAfterMs: input.retryAfterMs,
          deadline: createdAt + deadlineMs,
        });
        const { state } = firstPoll(adopted, policy, createdAt);
        const operation: Operation = {
          // Until the first answer, the monitor's path tells the likely flavour; the answer's shape decides.
          kind: input.kind ?? kindOfMonitorUrl(monitor) ?? "longRunningOperation",
          status: "notStarted",
          rawStatus: "notStarted",
          raw: {},
        };
        const id = randomUUID();
        if (usesToken && input.authorization !== undefined)
          vault.set(id, { owner: input.owner, tokenOrigin, authorization: input.authorization });
        const record = await store.insert({
          id,
          owner: input.owner,
          kind: operation.kind,
          monitorUrl: monitor.href,
          ...(input.requestUrl === undefined ? {} : { requestUrl: input.requestUrl }),
          ...(usesToken ? { tokenOrigin } : {}),
          ...(input.notificationUrl === undefined ? {} : { notificationUrl: input.notificationUrl }),
          operation,
          createdAt,
          dueAt: state.nextPollAt,
          pacing: toEngineRow(state),
        });
        logger.info(
          { operationId: id, owner: input.owner, monitorOrigin: monitor.origin },
          "following an operation",
        );
        loop.wake();
        return record;
      });
    },
    async provideAuthorization(owner, authorization, origin) {
      vault.refresh(owner, origin, authorization);
      const resumed = await store.resumeAwaitingAuthorization(owner, origin, now());
      for (const record of resumed) vault.set(record.id, { owner, tokenOrigin: origin, authorization });
      if (resumed.length > 0) {
        logger.info({ owner, operations: resumed.length }, "a token came: polling resumes");
        loop.wake();
      }
    },
    async forget(owner, id) {
      const removed = await store.remove(owner, id, now());
      if (removed) {
        vault.delete(id);
        // A poll under way must not reach the monitor after the answer said the operation is forgotten.
        loop.cancel(id);
      }
      return removed;
    },
    countActive: (owner) => store.countActive(owner),
    start() {
      loop.start();
      unwatchSchedule ??= store.watchSchedule?.(() => loop.wake());
    },
    stop() {
      unwatchSchedule?.();
      unwatchSchedule = undefined;
      return loop.stop().finally(() => vault.flush());
    },
    isRunning: () => loop.isRunning(),
  };
}

function httpUrl(value: string, name: string): URL {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new BadRequestError(`${name} must be an absolute http(s) URL, got ${JSON.stringify(value)}.`, {
      innerError: { field: name },
    });
  }
  return url;
}
