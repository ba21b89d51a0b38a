import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MonitorAuthorizationError } from "../errors/monitor-authorization-error.js";
import { OperationNotFoundError } from "../errors/operation-not-found-error.js";
import { OperationValidationError } from "../errors/operation-validation-error.js";
import { TransportError } from "../errors/transport-error.js";
import { UpstreamHttpError } from "../errors/upstream-http-error.js";
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

const sentAt = (transport: ReturnType<typeof scriptedTransport>) =>
  transport.requests.map((request) => request.sentAt - start);

describe("pollOperation retries and Retry-After", () => {
  describe("Retry-After", () => {
    const forms: [string, string, number][] = [
      ["integer seconds", "3", 3000],
      ["fractional seconds", "2.128", 2128],
      ["an HTTP-date", new Date(start + 4000).toUTCString(), 4000],
    ];
    it.each(forms)("waits exactly as long as %s ask", async (_form, value, expected) => {
      const transport = scriptedTransport((_request, index) =>
        jsonResponse(richOperation(index === 0 ? "running" : "succeeded"), 200, { "retry-after": value }),
      );
      observe(pollOperation(monitorUrl, { transport, adaptive: false, interval: 100 }));
      await vi.advanceTimersByTimeAsync(expected - 1);
      expect(transport.requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(sentAt(transport)).toEqual([0, expected]);
    });

    it("is capped by maxRetryAfter", async () => {
      const transport = scriptedTransport((_request, index) =>
        jsonResponse(richOperation(index === 0 ? "running" : "succeeded"), 200, { "retry-after": "3600" }),
      );
      observe(pollOperation(monitorUrl, { transport, maxRetryAfter: 5000 }));
      await vi.advanceTimersByTimeAsync(6000);
      expect(sentAt(transport)).toEqual([0, 5000]);
    });

    it("is honoured on a 429 before retrying", async () => {
      const transport = scriptedTransport((_request, index) =>
        index === 0
          ? jsonResponse({ error: { code: "TooManyRequests", message: "later" } }, 429, {
              "retry-after": "2.128",
            })
          : jsonResponse(richOperation("succeeded")),
      );
      const observed = observe(pollOperation(monitorUrl, { transport, random: () => 0 }));
      await vi.advanceTimersByTimeAsync(3000);
      expect(sentAt(transport)).toEqual([0, 2128]);
      expect(observed.completed).toBe(true);
    });
  });

  describe("transient failures", () => {
    it("retries 500, 502, 503, 504 and network errors with full-jitter backoff", async () => {
      const failures: Script[] = [
        () => jsonResponse({}, 500),
        () => jsonResponse({}, 502),
        () => jsonResponse({}, 503),
        () => jsonResponse({}, 504),
        () => Promise.reject(new Error("socket hang up")),
      ];
      const transport = scriptedTransport((request, index) =>
        index < failures.length ? failures[index]!(request, index) : jsonResponse(richOperation("succeeded")),
      );
      const observed = observe(pollOperation(monitorUrl, { transport, retryDelay: 1000, random: () => 0.5 }));
      await vi.advanceTimersByTimeAsync(60_000);
      // Ceilings 1, 2, 4, 8, 16 s; the draw 0.5 waits half of each.
      expect(sentAt(transport)).toEqual([0, 500, 1500, 3500, 7500, 15_500]);
      expect(observed.completed).toBe(true);
    });

    it("gives up after maxRetries failures in a row with the last error", async () => {
      const transport = scriptedTransport(() =>
        jsonResponse({ error: { code: "generalException", message: "down" } }, 502),
      );
      const observed = observe(pollOperation(monitorUrl, { transport, maxRetries: 2, random: () => 0 }));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(transport.requests).toHaveLength(3);
      expect(UpstreamHttpError.isInstance(observed.error)).toBe(true);
      expect(observed.error).toMatchObject({
        httpStatus: 502,
        transient: true,
        graphErrorCode: "generalException",
      });
    });

    it("never counts throttling (429, 503, a Retry-After) toward maxRetries", async () => {
      const throttled = [
        () => jsonResponse({ error: { code: "TooManyRequests", message: "later" } }, 429),
        () => jsonResponse({ error: { code: "serviceNotAvailable", message: "busy" } }, 503),
        () => jsonResponse({}, 500, { "retry-after": "1" }),
      ];
      const transport = scriptedTransport((_request, index) =>
        index < 30 ? throttled[index % 3]!() : jsonResponse(richOperation("succeeded")),
      );
      const observed = observe(pollOperation(monitorUrl, { transport, maxRetries: 0, random: () => 0 }));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(transport.requests).toHaveLength(31);
      expect(observed.error).toBeUndefined();
      expect(observed.completed).toBe(true);
    });

    it("follows a Retry-After exactly however many failures came before it: no backoff on top", async () => {
      const transport = scriptedTransport((_request, index) =>
        index < 8
          ? jsonResponse({ error: { code: "TooManyRequests", message: "later" } }, 429, {
              "retry-after": "2",
            })
          : jsonResponse(richOperation("succeeded")),
      );
      // A draw of 0.999 would make every backoff nearly its ceiling (up to 60 s by the eighth failure).
      observe(pollOperation(monitorUrl, { transport, random: () => 0.999 }));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sentAt(transport)).toEqual([0, 2000, 4000, 6000, 8000, 10_000, 12_000, 14_000, 16_000]);
    });

    it("retries a body that is not an operation a bounded number of times, then OperationValidationError", async () => {
      const transport = scriptedTransport(() => ({ status: 200, headers: {}, body: "{not json" }));
      const observed = observe(pollOperation(monitorUrl, { transport, maxRetries: 3, random: () => 0 }));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(transport.requests).toHaveLength(4);
      expect(OperationValidationError.isInstance(observed.error)).toBe(true);
    });

    it("recovers from a malformed answer", async () => {
      const transport = scriptedTransport((_request, index) =>
        index === 1
          ? { status: 200, headers: {}, body: "<html>" }
          : jsonResponse(richOperation(index === 0 ? "running" : "succeeded")),
      );
      const observed = observe(pollOperation(monitorUrl, { transport, random: () => 0 }));
      await vi.advanceTimersByTimeAsync(5000);
      expect(observed.completed).toBe(true);
      expect(transport.requests).toHaveLength(3);
    });

    it.each([
      [401, MonitorAuthorizationError.isInstance],
      [403, MonitorAuthorizationError.isInstance],
      [404, OperationNotFoundError.isInstance],
      [410, OperationNotFoundError.isInstance],
      [400, UpstreamHttpError.isInstance],
    ] as const)("never retries a %i, however long it waits", async (status, isExpected) => {
      const transport = scriptedTransport(() =>
        jsonResponse({ error: { code: "x", message: "no" } }, status),
      );
      const observed = observe(pollOperation(monitorUrl, { transport, maxRetries: 5, random: () => 0 }));
      await vi.advanceTimersByTimeAsync(120_000);
      expect(transport.requests).toHaveLength(1);
      expect(isExpected(observed.error)).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    });

    it("refuses a maxRetries that is not a whole number >= 0 (NaN would retry for ever)", () => {
      for (const maxRetries of [Number.NaN, -1, 1.5]) {
        expect(() => pollOperation(monitorUrl, { maxRetries }), String(maxRetries)).toThrow(
          `maxRetries must be a whole number >= 0, got ${maxRetries}`,
        );
      }
    });

    it("reports a transport failure as TransportError", async () => {
      const transport = scriptedTransport(() => Promise.reject(new Error("ECONNREFUSED")));
      const observed = observe(pollOperation(monitorUrl, { transport, maxRetries: 0 }));
      await vi.advanceTimersByTimeAsync(0);
      expect(TransportError.isInstance(observed.error)).toBe(true);
      expect((observed.error as TransportError).message).toMatch(/ECONNREFUSED/);
    });
  });
});
