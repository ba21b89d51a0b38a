import { toOperationRecord, type OperationRecord } from "./operation-record.js";
import type { SimulatedOperation } from "./simulated-operation.js";

/** At most this many poll times are kept per operation, so long benchmarks stay small in memory. */
export const maxPollTimes = 1000;

export class OperationStore {
  readonly #operations = new Map<string, SimulatedOperation>();

  add(operation: SimulatedOperation): void {
    this.#operations.set(operation.id, operation);
  }

  get(id: string): SimulatedOperation | undefined {
    return this.#operations.get(id);
  }

  /** Counts one monitor GET; returns its 1-based poll number. */
  recordPoll(operation: SimulatedOperation, now: number): number {
    operation.polls += 1;
    if (operation.pollTimes !== undefined && operation.pollTimes.length < maxPollTimes) {
      operation.pollTimes.push(now);
    }
    return operation.polls;
  }

  record(id: string): OperationRecord | undefined {
    const operation = this.#operations.get(id);
    return operation === undefined ? undefined : toOperationRecord(operation);
  }

  records(): OperationRecord[] {
    return Array.from(this.#operations.values(), toOperationRecord);
  }

  get size(): number {
    return this.#operations.size;
  }

  clear(): void {
    this.#operations.clear();
  }
}
