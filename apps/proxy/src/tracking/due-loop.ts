import { setMaxListeners } from "node:events";
import type { ProxyLogger } from "../observability/logger.js";
import type { ProxyMetrics } from "../observability/metrics.js";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";
import type { OperationRecord } from "../store/operation-record.js";
import type { NotificationSchedule } from "../store/notification-schedule.js";
import type { PollSchedule } from "../store/poll-schedule.js";
import type { Retention } from "../store/retention.js";
import { deliverNotification, type DeliveryContext } from "./notifier.js";
import { pollStep, releaseResult, type PollContext } from "./poll-step.js";

export interface DueLoopOptions {
  store: PollSchedule & NotificationSchedule & Retention;
  logger: ProxyLogger;
  metrics: ProxyMetrics;
  now: () => number;
  leaseOwner: string;
  leaseMs: number;
  concurrency: number;
  sweepIntervalMs: number;
  retentionMs: number;
  poll: Omit<PollContext, "signal">;
  delivery: DeliveryContext;
}

export interface DueLoop {
  start(): void;
  stop(): Promise<void>;
  /** Something became due earlier than planned (an adoption, a token): look again now. */
  wake(): void;
  /** Cuts short the poll of `operationId` in flight, if any: the operation was deleted. */
  cancel(operationId: string): void;
  isRunning(): boolean;
}

const longestTimer = 2_147_483_647;

/**
 * The tracker's one timer: it sleeps until the earliest due time the store knows, claims a batch of due
 * rows (at most `concurrency` polls and notifications in flight), and looks again whenever one finishes
 * or `wake` is called. The schedule itself stays in the store; this holds no per-operation timer.
 */
export function createDueLoop(options: DueLoopOptions): DueLoop {
  const { store, logger, metrics, now, leaseOwner, leaseMs, concurrency } = options;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let abort = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const polling = new Map<string, AbortController>();
  let pumping: Promise<void> | undefined;
  let again = false;

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => {
      inFlight.delete(work);
      pump();
    });
  };

  const claimAndStart = async (): Promise<number> => {
    const time = now();
    const due = await store.claimDue(time, concurrency - inFlight.size, leaseOwner, leaseMs);
    for (const record of due) track(pollOne(record));
    const notifications = await store.claimDueNotifications(
      time,
      concurrency - inFlight.size,
      leaseOwner,
      leaseMs,
    );
    for (const record of notifications) track(notifyOne(record));
    return due.length + notifications.length;
  };

  const arm = async (claimed: number) => {
    clearTimeout(timer);
    timer = undefined;
    if (inFlight.size >= concurrency) return;
    const dueAt = await store.nextDueAt();
    if (dueAt === undefined || !running) return;
    // Due yet nothing claimable (another instance holds it): look again shortly rather than spin.
    const delay = Math.max(dueAt - now(), claimed === 0 && dueAt <= now() ? 100 : 0);
    timer = setTimeout(pump, Math.min(delay, longestTimer));
    timer.unref();
  };

  const pump = (): void => {
    if (!running) return;
    if (pumping !== undefined) {
      again = true;
      return;
    }
    pumping = (async () => {
      let claimed = 0;
      do {
        again = false;
        if (inFlight.size < concurrency) claimed = await claimAndStart();
      } while (again && running);
      if (running) await arm(claimed);
    })()
      .catch((error: unknown) => {
        logger.error({ err: error }, "the tracker could not read its schedule; trying again in 1 s");
        clearTimeout(timer);
        timer = setTimeout(pump, 1000);
        timer.unref();
      })
      .finally(() => {
        pumping = undefined;
        if (again) pump();
      });
  };

  const pollOne = async (record: OperationRecord) => {
    const stopTimer = metrics.upstreamDuration.startTimer({ target: "monitor", method: "GET" });
    const cancelled = new AbortController();
    polling.set(record.id, cancelled);
    try {
      const signal = AbortSignal.any([abort.signal, cancelled.signal]);
      const step = await pollStep(record, { ...options.poll, signal });
      if (step.outcome !== "awaitingToken") stopTimer();
      metrics.polls.inc({ outcome: step.outcome });
      const context = {
        operationId: record.id,
        owner: record.owner,
        monitorOrigin: new URL(record.monitorUrl).origin,
      };
      if (step.error !== undefined) {
        const code = (step.error as { code?: unknown }).code;
        metrics.upstreamErrors.inc({
          target: "monitor",
          reason: typeof code === "string" ? code : "unknown",
        });
        if (EgressDeniedError.isInstance(step.error)) metrics.egressDenied.inc({ target: "monitor" });
        logger.warn({ ...context, code, outcome: step.outcome }, "a poll failed");
      }
      const written = await store.recordPoll(record.id, leaseOwner, step.result);
      if (written === undefined) logger.debug(context, "the operation was deleted while it was polled");
      else if (step.outcome === "ended" || step.outcome === "gaveUp" || step.outcome === "stopped") {
        logger.info({ ...context, status: written.operation.status }, "an operation ended");
      } else if (step.outcome === "awaitingToken")
        logger.info(context, "polling waits for the owner's token");
    } catch (error) {
      if (abort.signal.aborted) {
        // Stopped mid-poll: hand the row back at once rather than leave it leased until the lease runs out.
        await store.recordPoll(record.id, leaseOwner, releaseResult(record, now())).catch(() => undefined);
      } else if (cancelled.signal.aborted) {
        logger.debug({ operationId: record.id }, "the operation was deleted while it was polled");
      } else logger.error({ err: error, operationId: record.id }, "a poll could not be recorded");
    } finally {
      polling.delete(record.id);
    }
  };

  const notifyOne = async (record: OperationRecord) => {
    try {
      const { progress, problem } = await deliverNotification(record, options.delivery);
      await store.recordNotification(record.id, leaseOwner, progress);
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
      abort = new AbortController();
      // Every poll in flight listens to the one signal that stops them all.
      setMaxListeners(0, abort.signal);
      sweeper = setInterval(() => void sweep(), options.sweepIntervalMs);
      sweeper.unref();
      void sweep();
      pump();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      clearInterval(sweeper);
      abort.abort(new Error("the tracker stopped"));
      await Promise.allSettled([...inFlight, pumping]);
    },
    wake: pump,
    cancel(operationId) {
      polling.get(operationId)?.abort(new Error("the operation was deleted"));
    },
    isRunning: () => running,
  };
}
