import { lastValueFrom } from "rxjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MissingMonitorError } from "../errors/missing-monitor-error.js";
import { PollTimeoutError } from "../errors/poll-timeout-error.js";
import { UpstreamHttpError } from "../errors/upstream-http-error.js";
import { startOperation } from "./start-operation.js";
import { observe } from "./test-support/observe.js";
import { jsonResponse, scriptedTransport } from "./test-support/scripted-transport.js";

const clone = "https://graph.microsoft.com/v1.0/teams/abc/clone";
const start = Date.UTC(2026, 10, 22, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("startOperation", () => {
  it("POSTs the request with a JSON body, then polls the Location resolved with the request's version", async () => {
    const transport = scriptedTransport((request, index) =>
      index === 0
        ? {
            status: 202,
            headers: { location: "/teams('new')/operations('op')", "content-type": "text/plain" },
            body: "",
          }
        : jsonResponse({ id: "op", status: "succeeded", operationType: "cloneTeam", attemptsCount: 1 }),
    );
    const final = lastValueFrom(startOperation({ url: clone, body: { displayName: "Copy" } }, { transport }));
    await vi.advanceTimersByTimeAsync(0);
    await expect(final).resolves.toMatchObject({ kind: "teamsAsyncOperation", status: "succeeded" });
    const [post, poll] = transport.requests.map(({ request }) => request);
    expect(post).toMatchObject({ method: "POST", body: '{"displayName":"Copy"}' });
    expect(post!.headers["content-type"]).toBe("application/json");
    expect(poll).toMatchObject({ method: "GET" });
    expect(poll!.url.href).toBe("https://graph.microsoft.com/v1.0/teams('new')/operations('op')");
  });

  it("prefers Operation-Location, and waits for the 202's Retry-After before the first poll", async () => {
    const monitor = "https://graph.microsoft.com/v1.0/print/operations/p1";
    const transport = scriptedTransport((_request, index) =>
      index === 0
        ? {
            status: 202,
            headers: { "operation-location": monitor, location: "https://x/y", "retry-after": "5" },
            body: "",
          }
        : jsonResponse({ id: "p1", status: { state: "succeeded", description: "done" } }),
    );
    const observed = observe(
      startOperation("https://graph.microsoft.com/v1.0/print/printers/create", { transport }),
    );
    await vi.advanceTimersByTimeAsync(4999);
    expect(transport.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.requests[1]?.request.url.href).toBe(monitor);
    expect(transport.requests[1]?.sentAt).toBe(start + 5000);
    expect(observed.completed).toBe(true);
  });

  it("reads 200/201 as finished now, with the result where Location or Content-Location points", async () => {
    const transport = scriptedTransport(() =>
      jsonResponse({ id: "0x0101", name: "Contract" }, 201, {
        "content-location": "/sites/root/contentTypes('0x0101')",
      }),
    );
    const url = "https://graph.microsoft.com/beta/sites/root/contentTypes/addCopyFromContentTypeHub";
    const final = lastValueFrom(startOperation(url, { transport }));
    await vi.advanceTimersByTimeAsync(0);
    await expect(final).resolves.toMatchObject({
      status: "succeeded",
      resourceId: "0x0101",
      resourceLocation: "https://graph.microsoft.com/beta/sites/root/contentTypes('0x0101')",
      raw: { name: "Contract" },
    });
    expect(transport.requests).toHaveLength(1);
  });

  it("errors with MissingMonitorError on a 202 without a monitor header", async () => {
    const transport = scriptedTransport(() => ({ status: 202, headers: {}, body: "" }));
    const observed = observe(startOperation(clone, { transport }));
    await vi.advanceTimersByTimeAsync(0);
    expect(MissingMonitorError.isInstance(observed.error)).toBe(true);
    expect((observed.error as Error).message).toMatch(/Location or Operation-Location/);
  });

  it("errors with UpstreamHttpError when the request is refused, without retrying it", async () => {
    const transport = scriptedTransport(() =>
      jsonResponse({ error: { code: "BadRequest", message: "no name" } }, 400),
    );
    const observed = observe(startOperation(clone, { transport }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(observed.error).toSatisfy(
      (error) => UpstreamHttpError.isInstance(error) && error.graphErrorCode === "BadRequest",
    );
    expect(transport.requests).toHaveLength(1);
  });

  it("does not claim a refused start was retried: a 503 is sent once and said to be worth another try", async () => {
    const transport = scriptedTransport(() =>
      jsonResponse({ error: { code: "serviceNotAvailable", message: "busy" } }, 503, { "retry-after": "7" }),
    );
    const observed = observe(startOperation(clone, { transport }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.requests).toHaveLength(1);
    expect(observed.error).toMatchObject({ httpStatus: 503, transient: true, retryAfterMs: 7000 });
    expect((observed.error as Error).message).toBe(
      `${clone} answered HTTP 503 (serviceNotAvailable: busy); a transient failure, worth another try after its Retry-After or a backoff`,
    );
  });

  it("counts the deadline from subscribing, the initial request's time included", async () => {
    const monitor = "https://graph.microsoft.com/v1.0/print/operations/p1";
    const transport = scriptedTransport((_request, index) =>
      index === 0
        ? new Promise((resolve) =>
            setTimeout(() => resolve({ status: 202, headers: { location: monitor }, body: "" }), 5000),
          )
        : jsonResponse({ id: "p1", status: { state: "running", description: "" } }),
    );
    const options = { transport, adaptive: false, interval: 1000, timeout: 8000 };
    const observed = observe(startOperation(clone, options));
    await vi.advanceTimersByTimeAsync(7999);
    expect(observed.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(PollTimeoutError.isInstance(observed.error)).toBe(true);
    expect((observed.error as PollTimeoutError).deadline).toBe(start + 8000);
    expect((observed.error as PollTimeoutError).lastOperation?.status).toBe("running");
    // The POST, then polls from 5 s on (a zero delay is a 1 ms timer under fake timers).
    expect(transport.requests.map((request) => request.sentAt - start)).toEqual([0, 5001, 6001, 7001]);
  });

  it("aborts the initial request on unsubscribe", async () => {
    let signal: AbortSignal | undefined;
    const transport = scriptedTransport((request) => {
      signal = request.signal;
      return new Promise(() => {});
    });
    const observed = observe(startOperation(clone, { transport }));
    await vi.advanceTimersByTimeAsync(0);
    observed.subscription.unsubscribe();
    expect(signal?.aborted).toBe(true);
  });

  it("rejects a request URL that is not absolute", () => {
    expect(() => startOperation("/v1.0/teams/abc/clone")).toThrow(/not an absolute URL/);
  });

  it("checks the pacing options before sending anything, as pollOperation does", () => {
    const transport = scriptedTransport(() => ({ status: 202, headers: { location: clone }, body: "" }));
    expect(() => startOperation(clone, { transport, minInterval: 5000, maxDelay: 1000 })).toThrow(
      /minInterval \(5000\) must not exceed maxDelay \(1000\)/,
    );
    expect(transport.requests).toHaveLength(0);
  });

  it("errors with what onResumeToken threw as the poll begins, without an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const recordUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", recordUnhandled);
    const transport = scriptedTransport(() => ({ status: 202, headers: { location: clone }, body: "" }));
    const onResumeToken = () => {
      throw new Error("The disk is full");
    };
    const observed = observe(startOperation(clone, { transport, onResumeToken }));
    await vi.advanceTimersByTimeAsync(0);
    vi.useRealTimers();
    await new Promise((resolve) => setImmediate(resolve));
    process.off("unhandledRejection", recordUnhandled);
    expect((observed.error as Error | undefined)?.message).toBe("The disk is full");
    expect(unhandled).toEqual([]);
    expect(transport.requests).toHaveLength(1);
  });
});
