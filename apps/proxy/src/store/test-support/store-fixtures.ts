import type { Operation } from "@lro/core";
import type { OperationChange } from "../operation-change.js";
import type { NewOperationRecord } from "../operation-record.js";
import type { OperationStore } from "../operation-store.js";
import type { PollResult } from "../poll-schedule.js";

/** A backing database for one test: `open` may be called again to get a new store on the same data. */
export interface StoreFixture {
  open(): Promise<OperationStore>;
  dispose(): Promise<void>;
}

export function runningOperation(overrides: Partial<Operation> = {}): Operation {
  return {
    kind: "richLongRunningOperation",
    status: "running",
    rawStatus: "running",
    percentComplete: 10,
    raw: { status: "running", percentageComplete: 10 },
    ...overrides,
  };
}

export function newRecord(overrides: Partial<NewOperationRecord> = {}): NewOperationRecord {
  return {
    id: crypto.randomUUID(),
    owner: "alice",
    kind: "richLongRunningOperation",
    monitorUrl: "https://graph.microsoft.com/v1.0/sites/root/operations/1",
    operation: runningOperation({ status: "notStarted", rawStatus: "notStarted" }),
    createdAt: 1_000,
    dueAt: 1_000,
    ...overrides,
  };
}

export function pollResult(overrides: Partial<PollResult> = {}): PollResult {
  return {
    now: 2_000,
    operation: runningOperation(),
    changed: true,
    awaitingAuthorization: false,
    dueAt: 5_000,
    attempt: 1,
    consecutiveFailures: 0,
    pacing: { history: [{ at: 2_000, percentComplete: 10 }] },
    ...overrides,
  };
}

/**
 * The behaviour every `OperationStore` shares. Run it from a backend's own test file:
 * `describeOperationStore("sqlite", async () => fixture)`.

/** What the parts of the contract share: the store under test (replaced when a test reopens it) and the changes it announced. */
export interface ContractContext {
  fixture: StoreFixture;
  store: OperationStore;
  changes: OperationChange[];
}
