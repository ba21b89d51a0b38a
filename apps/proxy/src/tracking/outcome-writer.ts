import type { OperationRecord } from "../store/operation-record.js";
import type { PollOutcomeWrite, PollSchedule } from "../store/poll-schedule.js";

export interface OutcomeWriterOptions {
  store: Pick<PollSchedule, "recordPolls">;
  leaseOwner: string;
  /** Outcomes written by one statement at most. */
  maxBatch: number;
  /**
   * How long the first outcome of a batch waits for others before the batch is written (while a write is
   * under way, outcomes gather behind it anyway). Larger batches: fewer database round trips and change
   * notifications, at the cost of this much detection lag.
   */
  delayMs: number;
  /** A batch could not be written (the database is down): its outcomes are tried again after `retryMs`. */
  onError(error: unknown): void;
  retryMs?: number;
}

/** Gathers poll outcomes and writes them in batches, one write at a time. */
export interface OutcomeWriter {
  /** Resolves with the record written, or undefined when the lease was no longer held. */
  write(outcome: PollOutcomeWrite): Promise<OperationRecord | undefined>;
  /** Outcomes not written yet. */
  readonly pending: number;
  /**
   * Writes every outcome gathered so far and stops: a batch that cannot be written then is given up (its
   * rows' leases run out and they are polled again), its `write` promises rejected.
   */
  close(): Promise<void>;
  /** Called with the records of every batch written. */
  onWritten(listener: (records: readonly OperationRecord[]) => void): void;
}

interface Pending {
  outcome: PollOutcomeWrite;
  resolve(record: OperationRecord | undefined): void;
  reject(error: unknown): void;
}

export function createOutcomeWriter(options: OutcomeWriterOptions): OutcomeWriter {
  const { store, leaseOwner } = options;
  const maxBatch = Math.max(1, options.maxBatch);
  const retryMs = options.retryMs ?? 1000;
  let queue: Pending[] = [];
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closing = false;
  let wakeRetry: (() => void) | undefined;
  const listeners: ((records: readonly OperationRecord[]) => void)[] = [];

  const writeBatch = async (batch: Pending[]): Promise<boolean> => {
    try {
      const written = await store.recordPolls(
        leaseOwner,
        batch.map((entry) => entry.outcome),
      );
      const records: OperationRecord[] = [];
      batch.forEach((entry, index) => {
        const record = written[index];
        if (record !== undefined) records.push(record);
        entry.resolve(record);
      });
      for (const listener of listeners) listener(records);
      return true;
    } catch (error) {
      options.onError(error);
      if (closing) for (const entry of batch) entry.reject(error);
      return closing;
    }
  };

  const run = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      if (!(await writeBatch(batch))) {
        // Back in front, in order; the lease protects the rows meanwhile.
        queue = [...batch, ...queue];
        await new Promise<void>((resolve) => {
          const retry = setTimeout((wakeRetry = resolve), retryMs);
          retry.unref();
        });
        wakeRetry = undefined;
      }
    }
  };

  const start = () => {
    clearTimeout(timer);
    timer = undefined;
    writing ??= run().finally(() => {
      writing = undefined;
      if (queue.length > 0) schedule();
    });
  };

  const schedule = () => {
    if (writing !== undefined) return;
    if (queue.length >= maxBatch || options.delayMs <= 0) start();
    else if (timer === undefined) {
      timer = setTimeout(start, options.delayMs);
      timer.unref();
    }
  };

  return {
    write(outcome) {
      return new Promise((resolve, reject) => {
        queue.push({ outcome, resolve, reject });
        schedule();
      });
    },
    get pending() {
      return queue.length;
    },
    async close() {
      closing = true;
      wakeRetry?.();
      while (queue.length > 0 || writing !== undefined) {
        if (writing === undefined) start();
        await writing;
      }
    },
    onWritten(listener) {
      listeners.push(listener);
    },
  };
}
