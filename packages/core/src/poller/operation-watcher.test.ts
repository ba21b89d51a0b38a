import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOperationWatcher } from "./operation-watcher.js";
import { observe } from "./test-support/observe.js";
import { jsonResponse, richOperation, scriptedTransport } from "./test-support/scripted-transport.js";

const start = Date.UTC(2026, 10, 22, 12, 0, 0);
const monitor = (id: number) => `https://graph.microsoft.com/v1.0/sites/root/operations/op-${id}`;

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createOperationWatcher", () => {
  it("shares one upstream poll among the subscribers of a monitor; a late one gets the latest at once", async () => {
    const transport = scriptedTransport((_request, index) =>
      jsonResponse(richOperation("running", { percentageComplete: index * 10 })),
    );
    const watcher = createOperationWatcher({ transport, adaptive: false });
    const first = observe(watcher.watch(monitor(1)));
    const second = observe(watcher.watch(monitor(1)));
    await vi.advanceTimersByTimeAsync(2000);
    expect(transport.requests).toHaveLength(3);
    expect(watcher.size).toBe(1);
    const late = observe(watcher.watch(monitor(1)));
    expect(late.values.map((operation) => operation.percentComplete)).toEqual([20]);
    expect(first.values).toEqual(second.values);
    first.subscription.unsubscribe();
    second.subscription.unsubscribe();
    late.subscription.unsubscribe();
    expect(watcher.size).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(transport.requests).toHaveLength(3);
  });

  it("polls each monitor on its own and forgets it once it ends", async () => {
    const transport = scriptedTransport((request) =>
      jsonResponse(richOperation(request.url.pathname.endsWith("op-1") ? "succeeded" : "running")),
    );
    const watcher = createOperationWatcher({ transport });
    const done = observe(watcher.watch(monitor(1)));
    const running = observe(watcher.watch(monitor(2)));
    await vi.advanceTimersByTimeAsync(0);
    expect(done.completed).toBe(true);
    expect(running.completed).toBe(false);
    expect(watcher.size).toBe(1);
    running.subscription.unsubscribe();
  });

  it("stops every poll with one shared signal, without a listener-leak warning", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const transport = scriptedTransport(() => jsonResponse(richOperation("running")));
    const controller = new AbortController();
    const watcher = createOperationWatcher({ transport, signal: controller.signal });
    const observed = Array.from({ length: 50 }, (_, index) => observe(watcher.watch(monitor(index))));
    await vi.advanceTimersByTimeAsync(0);
    controller.abort(new Error("shutting down"));
    await vi.advanceTimersByTimeAsync(60_000);
    process.off("warning", onWarning);
    expect(transport.requests).toHaveLength(50);
    expect(observed.every((operation) => (operation.error as Error).message === "shutting down")).toBe(true);
    expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
  });

  it("checks its options when created, not at the first watch", () => {
    expect(() => createOperationWatcher({ minInterval: 5000, maxDelay: 1000 })).toThrow(
      /minInterval \(5000\) must not exceed maxDelay \(1000\)/,
    );
    expect(() => createOperationWatcher({ maxRetries: -1 })).toThrow(/maxRetries must be a whole number/);
  });

  it("follows 500 operations on one platform timer", async () => {
    const transport = scriptedTransport(() => jsonResponse(richOperation("running")));
    const watcher = createOperationWatcher({ transport, adaptive: false, interval: 5000 });
    const observed = Array.from({ length: 500 }, (_, index) => observe(watcher.watch(monitor(index))));
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.requests).toHaveLength(500);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(transport.requests).toHaveLength(1000);
    for (const operation of observed) operation.subscription.unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
    expect(watcher.size).toBe(0);
  });
});
