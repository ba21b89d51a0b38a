import { lastValueFrom, VirtualTimeScheduler } from "rxjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MonitorAuthorizationError } from "../errors/monitor-authorization-error.js";
import { OperationFailedError } from "../errors/operation-failed-error.js";
import { OperationNotFoundError } from "../errors/operation-not-found-error.js";
import { PollTimeoutError } from "../errors/poll-timeout-error.js";
import { pollOperation } from "./poll-operation.js";
import { observe } from "./test-support/observe.js";
import { jsonResponse, richOperation, scriptedTransport } from "./test-support/scripted-transport.js";
import type { Script } from "./test-support/scripted-transport.js";

const monitorUrl = "https://graph.microsoft.com/v1.0/sites/root/operations/op-1";
const start = Date.UTC(2026, 10, 22, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Answers `statuses` in turn, then the last one for ever. */
function statuses(...values: string[]): Script {
  return (_request, index) => jsonResponse(richOperation(values[Math.min(index, values.length - 1)]!));
}

const sentAt = (transport: ReturnType<typeof scriptedTransport>) =>
  transport.requests.map((request) => request.sentAt - start);

describe("pollOperation", () => {
  it("reads a 200 as the body's status, emits changes only and completes after succeeded", async () => {
    const transport = scriptedTransport(statuses("notStarted", "running", "running", "running", "succeeded"));
    const observed = observe(pollOperation(monitorUrl, { transport, adaptive: false }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(observed.values.map((operation) => operation.status)).toEqual([
      "notStarted",
      "running",
      "succeeded",
    ]);
    expect(observed.completed).toBe(true);
    expect(sentAt(transport)).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it("resolves lastValueFrom with the final operation", async () => {
    const transport = scriptedTransport((_request, index) =>
      jsonResponse({
        ...richOperation(index < 2 ? "running" : "succeeded"),
        resourceLocation: "https://x/y",
      }),
    );
    const final = lastValueFrom(pollOperation(monitorUrl, { transport, adaptive: false }));
    await vi.advanceTimersByTimeAsync(5000);
    await expect(final).resolves.toMatchObject({ status: "succeeded", resourceLocation: "https://x/y" });
  });

  it("emits a failed snapshot, then errors with OperationFailedError carrying the normalised error", async () => {
    const error = { code: "quotaExceeded", message: "The site is full" };
    const transport = scriptedTransport((_request, index) =>
      jsonResponse(index === 0 ? richOperation("running") : { ...richOperation("failed"), error }),
    );
    const observed = observe(pollOperation(monitorUrl, { transport, adaptive: false }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(observed.values.at(-1)?.status).toBe("failed");
    expect(OperationFailedError.isInstance(observed.error)).toBe(true);
    expect((observed.error as OperationFailedError).error).toMatchObject(error);
    expect(transport.requests).toHaveLength(2);
  });

  it("keeps polling through a status value it does not know", async () => {
    const transport = scriptedTransport(statuses("running", "Canceling", "succeeded"));
    const observed = observe(pollOperation(monitorUrl, { transport, adaptive: false }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(observed.values.map((operation) => operation.status)).toEqual([
      "running",
      "unknownFutureValue",
      "succeeded",
    ]);
    expect(observed.values[1]?.rawStatus).toBe("Canceling");
  });

  it("reads a 303 See Other as done, with the result where the Location points", async () => {
    const transport = scriptedTransport((_request, index) =>
      index === 0
        ? jsonResponse({ status: "inProgress", percentageComplete: 10, resourceId: "01ABC" }, 202)
        : { status: 303, headers: { location: "/drives/d/items/01ABC" }, body: "" },
    );
    const final = lastValueFrom(
      pollOperation("https://contoso.sharepoint.com/_api/v2.0/monitor/1", { transport }),
    );
    await vi.advanceTimersByTimeAsync(5000);
    await expect(final).resolves.toMatchObject({
      kind: "asyncJobStatus",
      status: "succeeded",
      resourceId: "01ABC",
      resourceLocation: "https://contoso.sharepoint.com/drives/d/items/01ABC",
    });
  });

  it("errors at once with OperationNotFoundError on 404", async () => {
    const transport = scriptedTransport(() =>
      jsonResponse({ error: { code: "itemNotFound", message: "gone" } }, 404),
    );
    const observed = observe(pollOperation(monitorUrl, { transport }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(OperationNotFoundError.isInstance(observed.error)).toBe(true);
    expect(transport.requests).toHaveLength(1);
  });

  it.each([401, 403])(
    "errors at once with MonitorAuthorizationError on %i, without retrying",
    async (status) => {
      const transport = scriptedTransport(() => jsonResponse({}, status));
      const observed = observe(
        pollOperation(monitorUrl, { transport, headers: { Authorization: "Bearer t" } }),
      );
      await vi.advanceTimersByTimeAsync(10_000);
      expect(MonitorAuthorizationError.isInstance(observed.error)).toBe(true);
      expect(observed.error).toMatchObject({ httpStatus: status, authorizationSent: true });
      expect(transport.requests).toHaveLength(1);
    },
  );

  it("sends the headers and trusted origins as the options hold them at each poll", async () => {
    const sharepoint = "https://contoso.sharepoint.com/_api/operations/op-1";
    const transport = scriptedTransport(statuses("running"));
    const headers: Record<string, string> = { Authorization: "Bearer one", "X-Trace": "a" };
    const trustedOrigins: string[] = [];
    const options = { transport, adaptive: false, headers, trustedOrigins };
    const observed = observe(pollOperation(sharepoint, options));
    await vi.advanceTimersByTimeAsync(10);
    headers["X-Trace"] = "b";
    await vi.advanceTimersByTimeAsync(1000);
    trustedOrigins.push("https://contoso.sharepoint.com");
    await vi.advanceTimersByTimeAsync(1000);
    headers["Authorization"] = "Bearer two";
    await vi.advanceTimersByTimeAsync(1000);
    delete headers["X-Trace"];
    await vi.advanceTimersByTimeAsync(1000);
    observed.subscription.unsubscribe();
    expect(transport.requests.map(({ request }) => request.headers)).toEqual([
      { accept: "application/json", prefer: "include-unknown-enum-members", "x-trace": "a" },
      { accept: "application/json", prefer: "include-unknown-enum-members", "x-trace": "b" },
      {
        accept: "application/json",
        prefer: "include-unknown-enum-members",
        "x-trace": "b",
        authorization: "Bearer one",
      },
      {
        accept: "application/json",
        prefer: "include-unknown-enum-members",
        "x-trace": "b",
        authorization: "Bearer two",
      },
      { accept: "application/json", prefer: "include-unknown-enum-members", authorization: "Bearer two" },
    ]);
  });

  it("errors with PollTimeoutError carrying the last snapshot at the deadline", async () => {
    const transport = scriptedTransport(statuses("running"));
    const observed = observe(pollOperation(monitorUrl, { transport, adaptive: false, timeout: 2500 }));
    await vi.advanceTimersByTimeAsync(2499);
    expect(observed.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(PollTimeoutError.isInstance(observed.error)).toBe(true);
    expect((observed.error as PollTimeoutError).lastOperation?.status).toBe("running");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(transport.requests).toHaveLength(3);
  });

  it("waits on one platform timer for every operation, the deadlines included, and none once all stop", async () => {
    const transport = scriptedTransport(statuses("running"));
    const observed = Array.from({ length: 3 }, () =>
      observe(pollOperation(monitorUrl, { transport, timeout: 60_000 })),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.requests).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(1);
    for (const { subscription } of observed) subscription.unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("lets a request in flight at the deadline finish, then errors", async () => {
    const transport = scriptedTransport(
      (_request, index) =>
        new Promise((resolve) =>
          setTimeout(() => resolve(jsonResponse(richOperation("running"))), index === 0 ? 0 : 800),
        ),
    );
    const observed = observe(pollOperation(monitorUrl, { transport, adaptive: false, timeout: 1500 }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(observed.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(310);
    expect(PollTimeoutError.isInstance(observed.error)).toBe(true);
    expect(transport.requests).toHaveLength(2);
  });

  it("refuses a deadline that could never pass, naming it", () => {
    for (const timeout of [Number.NaN, -1, new Date("not a date")]) {
      expect(() => pollOperation(monitorUrl, { timeout }), String(timeout)).toThrow(
        /^timeout must be milliseconds >= 0 or a valid Date, got .*; leave it out for no deadline$/,
      );
    }
  });

  it("accepts a Date as the deadline", async () => {
    const transport = scriptedTransport(statuses("running"));
    const observed = observe(pollOperation(monitorUrl, { transport, timeout: new Date(start + 1500) }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(PollTimeoutError.isInstance(observed.error)).toBe(true);
  });

  describe("stopping", () => {
    it("sends no request after the signal aborts, and errors with its reason", async () => {
      const transport = scriptedTransport(statuses("running"));
      const controller = new AbortController();
      const observed = observe(
        pollOperation(monitorUrl, { transport, signal: controller.signal, adaptive: false }),
      );
      await vi.advanceTimersByTimeAsync(1500);
      controller.abort(new Error("shutting down"));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(transport.requests).toHaveLength(2);
      expect((observed.error as Error).message).toBe("shutting down");
    });

    it("aborts the request in flight on unsubscribe, and sends no other", async () => {
      let inFlight: AbortSignal | undefined;
      const transport = scriptedTransport(
        (request) =>
          new Promise((_resolve, reject) => {
            inFlight = request.signal;
            request.signal?.addEventListener("abort", () => reject(request.signal?.reason));
          }),
      );
      const observed = observe(pollOperation(monitorUrl, { transport }));
      await vi.advanceTimersByTimeAsync(10);
      expect(inFlight?.aborted).toBe(false);
      observed.subscription.unsubscribe();
      expect(inFlight?.aborted).toBe(true);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(transport.requests).toHaveLength(1);
      expect(observed.error).toBeUndefined();
    });

    it("sends every poll of one subscription under one signal, aborted when it stops mid-request", async () => {
      // Three answers, then a request that waits until its signal aborts.
      const transport = scriptedTransport((request, index) =>
        index < 3
          ? jsonResponse(richOperation("running"))
          : new Promise((_resolve, reject) => {
              request.signal?.addEventListener("abort", () => reject(request.signal?.reason), { once: true });
            }),
      );
      const observed = observe(pollOperation(monitorUrl, { transport, adaptive: false }));
      await vi.advanceTimersByTimeAsync(3500);
      const signals = new Set(transport.requests.map(({ request }) => request.signal));
      expect(transport.requests).toHaveLength(4);
      expect(signals.size).toBe(1);
      const [signal] = signals;
      expect(signal?.aborted).toBe(false);
      // Another subscription polls under a signal of its own; stopped between polls, it aborts nothing.
      const other = scriptedTransport(statuses("running"));
      const second = observe(pollOperation(monitorUrl, { transport: other, adaptive: false }));
      await vi.advanceTimersByTimeAsync(10);
      const otherSignal = other.requests[0]?.request.signal;
      expect(otherSignal).not.toBe(signal);
      second.subscription.unsubscribe();
      expect(otherSignal?.aborted).toBe(false);
      observed.subscription.unsubscribe();
      expect(signal?.aborted).toBe(true);
      expect(observed.error).toBeUndefined();
    });

    it("sends nothing when the signal is already aborted", async () => {
      const transport = scriptedTransport(statuses("running"));
      const observed = observe(pollOperation(monitorUrl, { transport, signal: AbortSignal.abort() }));
      await vi.advanceTimersByTimeAsync(5000);
      expect(transport.requests).toHaveLength(0);
      expect((observed.error as Error).name).toBe("AbortError");
    });

    it("is cold: each subscription polls on its own", async () => {
      const transport = scriptedTransport(statuses("succeeded"));
      const operation$ = pollOperation(monitorUrl, { transport });
      expect(transport.requests).toHaveLength(0);
      observe(operation$);
      observe(operation$);
      await vi.advanceTimersByTimeAsync(0);
      expect(transport.requests).toHaveLength(2);
    });
  });

  it("runs every delay and reads every time on the given scheduler", async () => {
    vi.useRealTimers();
    const scheduler = new VirtualTimeScheduler();
    const times: number[] = [];
    const transport = scriptedTransport((_request, index) => {
      times.push(scheduler.now());
      return jsonResponse(richOperation(index < 2 ? "running" : "succeeded"), 200, { "retry-after": "3" });
    });
    const observed = observe(pollOperation(monitorUrl, { transport, scheduler }));
    for (let step = 0; step < 5; step += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      scheduler.flush();
    }
    expect(times).toEqual([0, 3000, 6000]);
    expect(observed.completed).toBe(true);
  });

  it("paces by the rate of progress, polling near the estimated finish", async () => {
    // The operation started 1 s ago and finishes 2 s from now, at start + 2000.
    const created = start - 1000;
    const duration = 3000;
    const transport = scriptedTransport(() => {
      const now = Date.now();
      const percentageComplete = Math.min(99, Math.floor((100 * (now - created)) / duration));
      const done = now >= created + duration;
      return jsonResponse(
        richOperation(done ? "succeeded" : "running", {
          percentageComplete: done ? 100 : percentageComplete,
          createdDateTime: new Date(created).toISOString(),
          lastActionDateTime: new Date(now).toISOString(),
        }),
      );
    });
    const observed = observe(pollOperation(monitorUrl, { transport }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(observed.completed).toBe(true);
    expect(transport.requests.length).toBeLessThanOrEqual(3);
    const detectedAt = transport.requests.at(-1)!.sentAt;
    expect(detectedAt - (created + duration)).toBeGreaterThanOrEqual(0);
    expect(detectedAt - (created + duration)).toBeLessThan(100);
  });
});
