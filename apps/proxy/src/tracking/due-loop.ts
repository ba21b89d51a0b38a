import type { ProxyLogger } from "../observability/logger.js";
import type { ProxyMetrics } from "../observability/metrics.js";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";
import type { OperationRecord } from "../store/operation-record.js";
import type { NotificationSchedule } from "../store/notification-schedule.js";
import type { PollSchedule } from "../store/poll-schedule.js";
import type { Retention } from "../store/retention.js";
import { createDueHeap } from "./due-heap.js";
import { deliverNotification, type DeliveryContext } from "./notifier.js";
import { createOriginSlots } from "./origin-slots.js";
import { createOutcomeWriter } from "./outcome-writer.js";
import { pollStep, releaseResult, type PollContext } from "./poll-step.js";

export interface DueLoopOptions {
  store: PollSchedule & NotificationSchedule & Retention;
  logger: ProxyLogger;
  metrics: ProxyMetrics;
  now: () => number;
  leaseOwner: string;
  leaseMs: number;
  /** Polls and notifications in flight at once. */
  concurrency: number;
  /** Polls and notifications in flight at once to one origin. */
  concurrencyPerOrigin: number;
  /** Rows claimed by one statement, outcomes written by one statement. */
  batchSize: number;
  /** How far ahead due rows are claimed; local timers start their polls on time. */
  lookAheadMs: number;
  /** How long a poll's outcome waits for others to be written with it. */
  writeDelayMs: number;
  /** The longest a poll may take: a claimed row whose lease would end first is left to run out instead. */
  pollTimeoutMs: number;
  sweepIntervalMs: number;
  retentionMs: number;
  poll: Omit<PollContext, "signal">;
  delivery: DeliveryContext;
}

export interface DueLoop {
  start(): void;
  stop(): Promise<void>;
  /** Something became due earlier than planned (an adoption, a token, another instance): claim now. */
  wake(): void;
  /** Cuts short the poll of `operationId` in flight or planned, if any: the operation was deleted. */
  cancel(operationId: string): void;
  isRunning(): boolean;
}

/** A claimed row: its poll (or notification) is due at `dueAt`; the lease is this process's until `leaseUntil`. */
interface Claimed {
  type: "poll" | "notification";
  record: OperationRecord;
  dueAt: number;
  leaseUntil: number;
  origin: string;
}

const longestTimer = 2_147_483_647;

function originOf(url: string | undefined): string {
  try {
    return new URL(url ?? "").origin;
  } catch {
    return "";
  }
}

/**
 * The tracker's schedule in this process. It claims due rows in batches, ahead of time (`lookAheadMs`),
 * holds them with local timers, and starts each poll when it is due, within the in-flight limits (in
 * total and per upstream origin, the origins taking turns). Outcomes are written in batches. It claims
 * again when the held rows run low, when it is woken, and at least every half look-ahead while polling;
 * idle, it sleeps until the store's next due row comes within the look-ahead. A claimed row is polled
 * only while its lease outlasts the poll; otherwise the lease runs out and the row is claimed again.
 */
export function createDueLoop(options: DueLoopOptions): DueLoop {
  const { store, logger, metrics, now, leaseOwner, leaseMs, lookAheadMs } = options;
  const batchSize = Math.max(1, options.batchSize);
  // Rows held at most (claimed, not started): enough for the look-ahead at full speed, bounded in memory.
  const maxHeld = batchSize * 10;
  const refillEveryMs = Math.max(50, Math.floor(lookAheadMs / 2));
  let running = false;
  let stopping = false;
  const held = createDueHeap<Claimed>((claimed) => claimed.dueAt);
  const slots = createOriginSlots<Claimed>({
    total: options.concurrency,
    perOrigin: options.concurrencyPerOrigin,
  });
  const polling = new Map<string, AbortController>();
  const inFlight = new Set<Promise<void>>();
  const writer = createOutcomeWriter({
    store,
    leaseOwner,
    maxBatch: batchSize,
    delayMs: options.writeDelayMs,
    onError: (error) => logger.error({ err: error }, "poll outcomes could not be written; trying again"),
  });

  let dispatchTimer: NodeJS.Timeout | undefined;
  let dispatchAt = Infinity;
  let refillTimer: NodeJS.Timeout | undefined;
  let refillAt = Infinity;
  let refilling: Promise<void> | undefined;
  let refillAgain = false;
  let starved = false;
  let sweeper: NodeJS.Timeout | undefined;

  const hold = (record: OperationRecord, claimedAt: number) => {
    const dueAt = record.schedule.dueAt ?? claimedAt;
    held.push({
      type: "poll",
      record,
      dueAt,
      leaseUntil: Math.max(dueAt, claimedAt) + leaseMs,
      origin: originOf(record.monitorUrl),
    });
  };

  /** Moves due rows to their origin's queue and starts what the limits allow; arms the timer for the next. */
  const dispatch = (): void => {
    if (!running) return;
    const time = now();
    for (let next = held.peek(); next !== undefined && next.dueAt <= time; next = held.peek()) {
      held.pop();
      slots.enqueue(next.origin, next);
    }
    for (let taken = slots.next(); taken !== undefined; taken = slots.next()) begin(taken.item, time);
    const next = held.peek()?.dueAt ?? Infinity;
    if (next !== dispatchAt) {
      clearTimeout(dispatchTimer);
      dispatchTimer = undefined;
      dispatchAt = next;
      if (next !== Infinity) {
        dispatchTimer = setTimeout(
          () => {
            dispatchAt = Infinity;
            dispatch();
          },
          Math.min(Math.max(0, next - time), longestTimer),
        );
        dispatchTimer.unref();
      }
    }
    if (starved && held.size + slots.waiting <= maxHeld / 2) {
      starved = false;
      refill();
    }
  };

  const begin = (claimed: Claimed, time: number) => {
    const finished = () => {
      slots.release(claimed.origin);
      dispatch();
    };
    if (claimed.type === "notification") {
      track(notifyOne(claimed.record).finally(finished));
      return;
    }
    if (time + options.pollTimeoutMs >= claimed.leaseUntil) {
      // Too late to poll within the lease (the process was too busy): the lease runs out and the row is
      // claimed again, by this process or another, rather than polled twice.
      logger.warn(
        { operationId: claimed.record.id },
        "a claimed poll was left to its lease: it started too late",
      );
      slots.release(claimed.origin);
      return;
    }
    track(pollOne(claimed, finished));
  };

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const armRefill = (at: number) => {
    if (!running || at >= refillAt) return;
    clearTimeout(refillTimer);
    refillAt = at;
    refillTimer = setTimeout(
      () => {
        refillAt = Infinity;
        refill();
      },
      Math.min(Math.max(0, at - now()), longestTimer),
    );
    refillTimer.unref();
  };

  const claimPolls = async (): Promise<boolean> => {
    for (;;) {
      const room = maxHeld - held.size - slots.waiting;
      if (room <= 0) {
        // Enough held: claim again once half of it has started.
        starved = true;
        return true;
      }
      const time = now();
      const limit = Math.min(batchSize, room);
      const claimed = await store.claimDue(time, limit, leaseOwner, leaseMs, { until: time + lookAheadMs });
      for (const record of claimed) hold(record, time);
      dispatch();
      if (claimed.length < limit || !running) return claimed.length > 0;
    }
  };

  const claimNotifications = async () => {
    const room = Math.min(batchSize, options.concurrency - slots.inFlight - slots.waiting);
    if (room <= 0) return;
    const time = now();
    for (const record of await store.claimDueNotifications(time, room, leaseOwner, leaseMs)) {
      slots.enqueue(originOf(record.notificationUrl), {
        type: "notification",
        record,
        dueAt: time,
        leaseUntil: time + leaseMs,
        origin: originOf(record.notificationUrl),
      });
    }
    dispatch();
  };

  const refillOnce = async () => {
    clearTimeout(refillTimer);
    refillAt = Infinity;
    const claimedSome = await claimPolls();
    if (!running) return;
    await claimNotifications();
    if (!running) return;
    let at = now() + refillEveryMs;
    if (!claimedSome && held.size === 0 && slots.waiting === 0) {
      // Nothing due within the look-ahead: sleep until something is (adoptions and other instances wake it).
      const dueAt = await store.nextDueAt();
      at = dueAt === undefined ? Infinity : Math.max(at, dueAt - lookAheadMs);
    }
    if (!starved && at !== Infinity) armRefill(at);
  };

  const refill = (): void => {
    if (!running) return;
    if (refilling !== undefined) {
      refillAgain = true;
      return;
    }
    refillAgain = false;
    refilling = refillOnce()
      .catch((error: unknown) => {
        logger.error({ err: error }, "the tracker could not read its schedule; trying again in 1 s");
        armRefill(now() + 1000);
      })
      .finally(() => {
        refilling = undefined;
        if (refillAgain) refill();
      });
  };

  // Rows written due within the look-ahead are claimed in time, not at the next regular claim.
  writer.onWritten((records) => {
    let earliest = Infinity;
    for (const record of records) {
      const dueAt = record.schedule.dueAt;
      if (dueAt !== undefined && dueAt - lookAheadMs < earliest) earliest = dueAt - lookAheadMs;
      // Notifications are claimed when due, not ahead.
      const notificationDueAt = record.notification?.dueAt;
      if (notificationDueAt !== undefined && notificationDueAt < earliest) earliest = notificationDueAt;
    }
    if (earliest !== Infinity) armRefill(earliest);
  });

  const pollOne = async (claimed: Claimed, finished: () => void) => {
    const { record } = claimed;
    const stopTimer = metrics.upstreamDuration.startTimer({ target: "monitor", method: "GET" });
    const controller = new AbortController();
    polling.set(record.id, controller);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      polling.delete(record.id);
      finished();
    };
    try {
      const step = await pollStep(record, { ...options.poll, signal: controller.signal });
      release();
      if (step.outcome !== "awaitingToken") stopTimer();
      metrics.polls.inc({ outcome: step.outcome });
      if (step.error !== undefined) {
        const code = (step.error as { code?: unknown }).code;
        metrics.upstreamErrors.inc({
          target: "monitor",
          reason: typeof code === "string" ? code : "unknown",
        });
        if (EgressDeniedError.isInstance(step.error)) metrics.egressDenied.inc({ target: "monitor" });
        logger.warn({ ...logContext(record), code, outcome: step.outcome }, "a poll failed");
      }
      const written = await writer.write({ id: record.id, result: step.result });
      if (written === undefined)
        logger.debug(logContext(record), "the operation was deleted while it was polled");
      else if (step.outcome === "ended" || step.outcome === "gaveUp" || step.outcome === "stopped") {
        logger.info({ ...logContext(record), status: written.operation.status }, "an operation ended");
      } else if (step.outcome === "awaitingToken")
        logger.info(logContext(record), "polling waits for the owner's token");
    } catch (error) {
      release();
      if (stopping) {
        // Stopped mid-poll: hand the row back at once rather than leave it leased until the lease runs out.
        await writer
          .write({ id: record.id, result: releaseResult(record, now(), now()) })
          .catch(() => undefined);
      } else if (controller.signal.aborted) {
        logger.debug({ operationId: record.id }, "the operation was deleted while it was polled");
      } else logger.error({ err: error, operationId: record.id }, "a poll could not be recorded");
    }
  };

  const notifyOne = async (record: OperationRecord) => {
    try {
      const { progress, problem } = await deliverNotification(record, options.delivery);
      await store.recordNotification(record.id, leaseOwner, progress);
      if (progress.dueAt !== undefined) armRefill(progress.dueAt);
      const context = { operationId: record.id, attempts: progress.attempts, state: progress.state };
      if (problem === undefined) logger.info(context, "notification delivered");
      else {
        metrics.upstreamErrors.inc({
          target: "notification",
          reason: progress.state === "failed" ? "gaveUp" : "retrying",
        });
        logger.warn({ ...context, problem }, "notification not delivered");
      }
    } catch (error) {
      logger.error({ err: error, operationId: record.id }, "a notification could not be recorded");
    }
  };

  const sweep = async () => {
    try {
      const { expired, purged } = await store.sweep(now(), options.retentionMs);
      if (expired + purged > 0) logger.info({ expired, purged }, "retention sweep");
    } catch (error) {
      logger.error({ err: error }, "the retention sweep failed");
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      sweeper = setInterval(() => void sweep(), options.sweepIntervalMs);
      sweeper.unref();
      void sweep();
      refill();
    },
    async stop() {
      running = false;
      stopping = true;
      clearTimeout(dispatchTimer);
      clearTimeout(refillTimer);
      clearInterval(sweeper);
      dispatchAt = refillAt = Infinity;
      for (const controller of polling.values()) controller.abort(new Error("the tracker stopped"));
      // Rows claimed but not started go back as they were, due when they were due.
      const unstarted = [...held.remove(() => true), ...slots.remove(() => true)];
      for (const claimed of unstarted) {
        if (claimed.type !== "poll") continue;
        void writer
          .write({ id: claimed.record.id, result: releaseResult(claimed.record, now(), claimed.dueAt) })
          .catch(() => undefined);
      }
      await Promise.allSettled([...inFlight, refilling]);
      await writer.close();
    },
    wake: refill,
    cancel(operationId) {
      polling.get(operationId)?.abort(new Error("the operation was deleted"));
      const planned = (claimed: Claimed) => claimed.record.id === operationId;
      held.remove(planned);
      slots.remove(planned);
    },
    isRunning: () => running,
  };
}

function logContext(record: OperationRecord) {
  return { operationId: record.id, owner: record.owner, monitorOrigin: originOf(record.monitorUrl) };
}
