import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pollOperation } from "./poll-operation.js";
import { observe } from "./test-support/observe.js";
import { jsonResponse, richOperation, scriptedTransport } from "./test-support/scripted-transport.js";

const monitorUrl = "https://graph.microsoft.com/v1.0/sites/root/operations/op-1";
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 22, 12, 0, 0) });
  unhandled.length = 0;
  process.on("unhandledRejection", recordUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", recordUnhandled);
  vi.useRealTimers();
});

/** Lets Node report rejections nobody handled (it does so after the microtask queue drains). */
const unhandledRejectionsReported = () => new Promise((resolve) => setImmediate(resolve));

describe("pollOperation with a caller's function that throws", () => {
  it("errors at once when onResumeToken throws before the first poll, and stops listening to the signal", () => {
    const transport = scriptedTransport(() => jsonResponse(richOperation("running")));
    const { signal } = new AbortController();
    const onResumeToken = () => {
      throw new Error("The disk is full");
    };
    const observed = observe(pollOperation(monitorUrl, { transport, signal, onResumeToken }));
    expect((observed.error as Error | undefined)?.message).toBe("The disk is full");
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    expect(transport.requests).toHaveLength(0);
  });

  it("errors with what an interval function threw, and polls no more", async () => {
    const transport = scriptedTransport(() => jsonResponse(richOperation("running")));
    const interval = () => Number.NaN;
    const observed = observe(pollOperation(monitorUrl, { transport, adaptive: false, interval }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(observed.error).toBeInstanceOf(RangeError);
    expect((observed.error as Error).message).toMatch(/interval function returned NaN/);
    expect(transport.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("errors with what onResumeToken threw after a later answer, without an unhandled rejection", async () => {
    const transport = scriptedTransport(() => jsonResponse(richOperation("running")));
    let calls = 0;
    const onResumeToken = () => {
      calls += 1;
      if (calls > 1) throw new Error("The disk is full");
    };
    const observed = observe(pollOperation(monitorUrl, { transport, adaptive: false, onResumeToken }));
    await vi.advanceTimersByTimeAsync(5000);
    vi.useRealTimers();
    await unhandledRejectionsReported();
    expect((observed.error as Error | undefined)?.message).toBe("The disk is full");
    expect(unhandled).toEqual([]);
    expect(transport.requests).toHaveLength(1);
  });
});
