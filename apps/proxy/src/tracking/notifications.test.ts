import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NotificationProgress } from "../store/operation-record.js";
import { alice, startHarness, type Harness } from "./test-support/tracking-harness.js";
import { deliverNotification } from "./notifier.js";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";

// Real servers and real polls: generous under a loaded machine; each test still ends within about a second.
vi.setConfig({ testTimeout: 20_000 });

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A hook receiver that answers the statuses given, one per request (the last one repeats). */
async function startReceiver(statuses: number[]) {
  const received: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses[Math.min(received.length, statuses.length) - 1] ?? 204;
      response.end();
      for (const waiter of waiters) if (received.length >= waiter.count) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    requests: (count: number) =>
      new Promise<void>((resolve) =>
        received.length >= count ? resolve() : waiters.push({ count, resolve }),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function notificationOf(id: string, state: NotificationProgress["state"]) {
  for (;;) {
    const record = await harness?.store.get(alice.owner, id);
    if (record?.notification?.state === state) return record.notification;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("notifications", () => {
  it("posts the finished operation to the notificationUrl, retrying with backoff, never with the caller's token", async () => {
    harness = await startHarness({ tracker: { notifications: { initialDelayMs: 30, maxDelayMs: 1000 } } });
    const receiver = await startReceiver([500, 503, 204]);
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 100,
    });
    const record = await harness.tracker.adopt({
      owner: alice.owner,
      monitorUrl,
      requestUrl,
      authorization: "Bearer secret-graph-token",
      notificationUrl: receiver.url,
    });
    await receiver.requests(3);
    expect(await notificationOf(record.id, "delivered")).toEqual({ state: "delivered", attempts: 3 });
    await receiver.close();
    for (const { headers, body } of receiver.received) {
      expect(headers.authorization).toBeUndefined();
      expect(headers["content-type"]).toBe("application/json");
      expect(headers["x-operation-id"]).toBe(record.id);
      expect(body).not.toContain("secret-graph-token");
      expect(JSON.parse(body)).toMatchObject({
        id: record.id,
        status: "succeeded",
        kind: "teamsAsyncOperation",
      });
    }
    expect(receiver.received).toHaveLength(3);
  });

  it("gives up after the last attempt", async () => {
    harness = await startHarness({ tracker: { notifications: { initialDelayMs: 10, maxAttempts: 2 } } });
    const receiver = await startReceiver([500]);
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 50,
    });
    const record = await harness.tracker.adopt({
      owner: alice.owner,
      monitorUrl,
      requestUrl,
      notificationUrl: receiver.url,
    });
    await receiver.requests(2);
    expect(await notificationOf(record.id, "failed")).toEqual({ state: "failed", attempts: 2 });
    expect(await harness.store.nextDueAt()).toBeUndefined();
    await receiver.close();
  });
});

describe("deliverNotification", () => {
  const record = {
    id: "op",
    owner: "alice",
    kind: "longRunningOperation" as const,
    monitorUrl: "https://graph.microsoft.com/v1.0/x",
    notificationUrl: "https://hooks.example.com/x",
    operation: {
      kind: "longRunningOperation" as const,
      status: "succeeded" as const,
      rawStatus: "succeeded",
      raw: {},
    },
    awaitingAuthorization: false,
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    schedule: { attempt: 1, consecutiveFailures: 0, pacing: {} },
    notification: { state: "pending" as const, attempts: 3 },
  };
  const options = { maxAttempts: 8, initialDelayMs: 1000, maxDelayMs: 5000, timeoutMs: 1000 };

  it("never calls an origin the egress policy refuses, and does not retry it", async () => {
    let called = false;
    const fetch = (async () => {
      called = true;
      return new Response(null, { status: 204 });
    }) as typeof globalThis.fetch;
    const egress = {
      assertAllowed: async (url: URL) => Promise.reject(new EgressDeniedError(url.origin, "not on the list")),
    };
    const outcome = await deliverNotification(record, {
      egress,
      options: { ...options, fetch },
      now: () => 0,
    });
    expect(called).toBe(false);
    expect(outcome.progress).toEqual({ state: "failed", attempts: 4 });
    expect(outcome.problem).toMatch(/not on the list/);
  });

  it("doubles the delay after each failure up to the maximum", async () => {
    const fetch = (async () => new Response("no", { status: 502 })) as typeof globalThis.fetch;
    const egress = { assertAllowed: async () => undefined };
    const delays = [];
    for (const attempts of [0, 1, 2, 3, 4]) {
      const outcome = await deliverNotification(
        { ...record, notification: { state: "pending", attempts } },
        { egress, options: { ...options, fetch }, now: () => 100 },
      );
      delays.push((outcome.progress.dueAt ?? 0) - 100);
      expect(outcome.problem).toBe("https://hooks.example.com answered HTTP 502");
    }
    expect(delays).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
