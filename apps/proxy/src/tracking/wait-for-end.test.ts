import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OperationChange, OperationChangeListener } from "../store/operation-change.js";
import type { OperationRecord } from "../store/operation-record.js";
import { createChangeBus } from "./change-bus.js";
import { waitForEnd } from "./wait-for-end.js";

function recordWith(status: "running" | "succeeded", version: number): OperationRecord {
  return {
    id: "op",
    owner: "alice",
    kind: "longRunningOperation",
    monitorUrl: "https://graph.microsoft.com/v1.0/x",
    operation: { kind: "longRunningOperation", status, rawStatus: status, raw: {} },
    awaitingAuthorization: false,
    createdAt: 0,
    updatedAt: 0,
    version,
    schedule: { attempt: 1, consecutiveFailures: 0, pacing: {} },
  };
}

let current: OperationRecord | undefined;
let storeFailure: Error | undefined;
let listeners: OperationChangeListener[];
const store = {
  get: async (owner: string, id: string) => {
    if (storeFailure !== undefined) throw storeFailure;
    return owner === "alice" && id === "op" ? current : undefined;
  },
  subscribe: (listener: OperationChangeListener) => {
    listeners.push(listener);
    return () => undefined;
  },
};
const emit = (change: OperationChange) => listeners.forEach((listener) => listener(change));

beforeEach(() => {
  vi.useFakeTimers();
  current = recordWith("running", 1);
  storeFailure = undefined;
  listeners = [];
});
afterEach(() => {
  vi.useRealTimers();
});

function start(timeoutMs: number, signal?: AbortSignal) {
  const changes = createChangeBus(store);
  let settled: OperationRecord | Error | undefined;
  const promise = waitForEnd({ store, changes, owner: "alice", id: "op" }, timeoutMs, signal).then(
    (record) => (settled = record),
    (error: Error) => (settled = error),
  );
  return { promise, settled: () => settled };
}

describe("waitForEnd", () => {
  it("answers the operation as it stands after the timeout when it has not ended", async () => {
    const wait = start(10_000);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(wait.settled()).toBeUndefined();
    current = recordWith("running", 2);
    await vi.advanceTimersByTimeAsync(1);
    await wait.promise;
    expect(wait.settled()).toMatchObject({ version: 2, operation: { status: "running" } });
  });

  it("answers as soon as a change ends the operation", async () => {
    const wait = start(10_000);
    await vi.advanceTimersByTimeAsync(500);
    emit({ type: "operation", owner: "alice", id: "op", version: 2, record: recordWith("running", 2) });
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.settled()).toBeUndefined();
    emit({ type: "operation", owner: "alice", id: "op", version: 3, record: recordWith("succeeded", 3) });
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.settled()).toMatchObject({ version: 3, operation: { status: "succeeded" } });
  });

  it("answers at once when the operation ended before the subscription", async () => {
    current = recordWith("succeeded", 5);
    const wait = start(10_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.settled()).toMatchObject({ version: 5 });
  });

  it("ends with a 404 when the operation is deleted meanwhile", async () => {
    const wait = start(10_000);
    current = undefined;
    emit({ type: "deleted", owner: "alice", id: "op", version: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.settled()).toMatchObject({ code: "itemNotFound" });
  });

  it("stops waiting when the client goes away", async () => {
    const abort = new AbortController();
    const wait = start(10_000, abort.signal);
    await vi.advanceTimersByTimeAsync(100);
    abort.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.settled()).toMatchObject({ version: 1 });
  });

  it("does not wait at all for a client already gone", async () => {
    const wait = start(10_000, AbortSignal.abort());
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.settled()).toMatchObject({ version: 1 });
  });

  it("fails the wait, with no unhandled rejection, when the store cannot be read", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      storeFailure = new Error("database unavailable");
      const wait = start(10_000);
      await vi.advanceTimersByTimeAsync(0);
      // At once, not after the 10 s the caller was ready to wait.
      expect(wait.settled()).toBe(storeFailure);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
