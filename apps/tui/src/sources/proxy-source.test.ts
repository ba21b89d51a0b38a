import type { ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createServer } from "node:net";
import { firstValueFrom, filter, scan, type Observable } from "rxjs";
import { ProxyResponseError } from "@lro/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applySourceEvent, initialOperationsState } from "../state/operations-state.js";
import type { OperationsState } from "../state/operations-state.js";
import { startScriptedProxy } from "../test-support/scripted-proxy.js";
import type { SourceEvent } from "./operation-source.js";
import { createProxySource } from "./proxy-source.js";

const wire = (id: string, version: number, overrides: Record<string, unknown> = {}) => ({
  id,
  kind: "teamsAsyncOperation",
  status: "running",
  upstreamStatus: "inProgress",
  statusDetail: "",
  createdDateTime: "2026-11-22T15:00:00Z",
  percentageComplete: null,
  monitorUrl: `https://graph.microsoft.com/v1.0/teams('t')/operations('${id}')`,
  version,
  ...overrides,
});
const send = (stream: ServerResponse, event: string, id: number, data: unknown) =>
  stream.write(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);

let proxy: Awaited<ReturnType<typeof startScriptedProxy>> | undefined;
afterEach(() => proxy?.close());

function collect(events$: Observable<SourceEvent>) {
  const seen: SourceEvent[] = [];
  let state: OperationsState = initialOperationsState;
  const waiters: { done: (state: OperationsState) => boolean; resolve: () => void }[] = [];
  const subscription = events$.subscribe({
    next: (event) => {
      seen.push(event);
      state = applySourceEvent(state, event);
      for (const waiter of waiters.filter((candidate) => candidate.done(state))) waiter.resolve();
    },
  });
  return {
    seen,
    state: () => state,
    until: (done: (state: OperationsState) => boolean) =>
      done(state) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ done, resolve })),
    stop: () => subscription.unsubscribe(),
  };
}

describe("createProxySource", () => {
  it("lists, then streams from the newest version listed, with the API key on every request", async () => {
    proxy = await startScriptedProxy(() => ({ status: 200, body: { value: [wire("a", 4), wire("b", 9)] } }));
    const source = createProxySource({ proxyUrl: new URL(proxy.url), apiKey: "key-1" });
    const client = collect(source.events$);
    await client.until((state) => state.listed && state.connection.state === "live");
    const stream = await proxy.stream(0);
    send(
      stream,
      "operation",
      10,
      wire("a", 10, { status: "succeeded", upstreamStatus: "succeeded", percentageComplete: 100 }),
    );
    send(stream, "deleted", 11, { id: "b" });
    await client.until((state) => !state.entries.has("b"));
    const a = client.state().entries.get("a");
    expect(a?.operation).toMatchObject({
      kind: "teamsAsyncOperation",
      status: "succeeded",
      rawStatus: "succeeded",
      percentComplete: 100,
    });
    expect(a?.operation?.statusDetail).toBeUndefined();
    expect(a?.timeline.map((change) => change.status)).toEqual(["running", "succeeded"]);
    expect(
      proxy.requests.map((request) => [request.method, request.path, request.headers["x-api-key"]]),
    ).toEqual([
      ["GET", "/operations", "key-1"],
      ["GET", "/operations/events", "key-1"],
    ]);
    expect(proxy.requests[1]?.headers["last-event-id"]).toBe("9");
    client.stop();
  });

  it("reconnects with backoff after the stream breaks, and resumes after the last event it saw", async () => {
    proxy = await startScriptedProxy(() => ({ status: 200, body: { value: [wire("a", 1)] } }));
    const source = createProxySource({
      proxyUrl: new URL(proxy.url),
      apiKey: "k",
      reconnect: { initialDelayMs: 20, maxDelayMs: 40 },
    });
    const client = collect(source.events$);
    const first = await proxy.stream(0);
    send(first, "operation", 5, wire("a", 5, { percentageComplete: 50 }));
    await client.until((state) => state.entries.get("a")?.operation?.percentComplete === 50);
    first.destroy();
    await client.until((state) => state.connection.state === "reconnecting");
    const second = await proxy.stream(1);
    await client.until((state) => state.connection.state === "live");
    send(second, "operation", 6, wire("a", 6, { percentageComplete: 60 }));
    await client.until((state) => state.entries.get("a")?.operation?.percentComplete === 60);
    const reconnecting = client.seen.find(
      (event) => event.type === "connection" && event.connection.state === "reconnecting",
    );
    expect(reconnecting).toMatchObject({
      connection: { attempt: 1, reason: expect.stringMatching(/event stream/) },
    });
    expect(proxy.requests.filter((request) => request.path === "/operations")).toHaveLength(1);
    expect(proxy.requests.at(-1)?.headers["last-event-id"]).toBe("5");
    client.stop();
  });

  it("reconnects when the stream goes silent, while heartbeat comments keep it alive", async () => {
    proxy = await startScriptedProxy(() => ({ status: 200, body: { value: [] } }));
    const source = createProxySource({
      proxyUrl: new URL(proxy.url),
      apiKey: "k",
      silenceTimeoutMs: 600,
      reconnect: { initialDelayMs: 10, maxDelayMs: 10 },
    });
    const client = collect(source.events$);
    const first = await proxy.stream(0);
    const heartbeat = setInterval(() => first.write(": heartbeat\n\n"), 50);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(
      client.seen.some((event) => event.type === "connection" && event.connection.state === "reconnecting"),
    ).toBe(false);
    clearInterval(heartbeat);
    await proxy.stream(1);
    const reasons = client.seen.flatMap((event) =>
      event.type === "connection" && event.connection.state === "reconnecting"
        ? [event.connection.reason]
        : [],
    );
    expect(reasons).toEqual(["the event stream went silent"]);
    expect(proxy.requests[1]?.headers["last-event-id"]).toBe("0");
    client.stop();
  });

  it("gives up at once when the proxy refuses the API key", async () => {
    proxy = await startScriptedProxy(() => ({
      status: 401,
      body: { error: { code: "unauthorized", message: "Unknown API key" } },
    }));
    const source = createProxySource({ proxyUrl: new URL(proxy.url), apiKey: "wrong" });
    const error = await firstValueFrom(source.events$.pipe(filter(() => false))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProxyResponseError);
    expect((error as ProxyResponseError).message).toBe(
      `${proxy.url}/operations answered 401: Unknown API key`,
    );
    expect((error as Error).message).not.toContain("wrong");
  });

  it("deletes on stop, with the key, and reports the operation removed", async () => {
    proxy = await startScriptedProxy(() => ({ status: 200, body: { value: [wire("a b", 1)] } }));
    const source = createProxySource({ proxyUrl: new URL(proxy.url), apiKey: "k" });
    const removed = firstValueFrom(
      source.events$.pipe(
        scan(applySourceEvent, initialOperationsState),
        filter((state) => state.listed && state.entries.size === 0),
      ),
    );
    await proxy.stream(0);
    await source.stop("a b");
    await removed;
    const deletion = proxy.requests.find((request) => request.method === "DELETE");
    expect(deletion).toMatchObject({ path: "/operations/a%20b", headers: { "x-api-key": "k" } });
  });

  it("reads every page of the list, applying each next link's query to the proxy's own address", async () => {
    const pages: Record<string, unknown> = {
      "/operations": { value: [wire("a", 3)], "@odata.nextLink": "/operations?$skiptoken=p2" },
      "/operations?$skiptoken=p2": {
        value: [wire("b", 2)],
        "@odata.nextLink": "https://elsewhere.example/operations?$skiptoken=p3",
      },
    };
    proxy = await startScriptedProxy((path) => ({ status: 200, body: pages[path] ?? { value: [] } }));
    const source = createProxySource({ proxyUrl: new URL(proxy.url), apiKey: "k" });
    const client = collect(source.events$);
    await client.until((state) => state.listed);
    expect([...client.state().entries.keys()].sort()).toEqual(["a", "b"]);
    expect(proxy.requests.map((request) => request.path).slice(0, 2)).toEqual([
      "/operations",
      "/operations?$skiptoken=p2",
    ]);
    // A next link naming another origin (a public URL, say) is read on the proxy the client was given:
    // the API key never goes anywhere else.
    expect(proxy.requests.map((request) => request.path)[2]).toBe("/operations?$skiptoken=p3");
    client.stop();
  });

  it("reports an operation it cannot read as a problem and keeps the rest", async () => {
    proxy = await startScriptedProxy(() => ({
      status: 200,
      body: { value: [wire("a", 2), { id: "broken", status: "running" }] },
    }));
    const source = createProxySource({ proxyUrl: new URL(proxy.url), apiKey: "k" });
    const client = collect(source.events$);
    await client.until((state) => state.listed);
    expect(client.state().entries.get("a")?.operation?.status).toBe("running");
    expect(client.state().entries.get("broken")?.problem).toMatch(
      /^the proxy sent an unreadable operation: .*version/s,
    );
    client.stop();
  });
});

describe("createProxySource against a proxy that accepts connections and never answers", () => {
  it("abandons each request after the request timeout, retries on the backoff, and R starts afresh", async () => {
    const sockets: Socket[] = [];
    const hung = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    const { port } = hung.address() as AddressInfo;
    const source = createProxySource({
      proxyUrl: new URL(`http://127.0.0.1:${port}`),
      apiKey: "k",
      requestTimeoutMs: 150,
      reconnect: { initialDelayMs: 10, maxDelayMs: 20 },
    });
    const seen: SourceEvent[] = [];
    const subscription = source.events$.subscribe((event) => seen.push(event));
    const attempts = () =>
      seen.flatMap((event) =>
        event.type === "connection" && event.connection.state === "reconnecting" ? [event.connection] : [],
      );
    try {
      await vi.waitFor(() => expect(attempts().length).toBeGreaterThanOrEqual(3), { timeout: 5000 });
      expect(
        attempts()
          .map((attempt) => attempt.attempt)
          .slice(0, 3),
      ).toEqual([1, 2, 3]);
      expect(attempts()[0]?.reason).toBe(
        `the proxy did not answer within 0.15 s (http://127.0.0.1:${port}/operations)`,
      );
      const before = seen.length;
      expect(source.reconnect()).toBe(true);
      await vi.waitFor(() => expect(attempts().length).toBeGreaterThan(3), { timeout: 5000 });
      const after = seen.slice(before);
      expect(after[0]).toMatchObject({ type: "connection", connection: { state: "connecting" } });
      expect(
        after.find((event) => event.type === "connection" && event.connection.state === "reconnecting"),
      ).toMatchObject({ connection: { attempt: 1 } });
    } finally {
      subscription.unsubscribe();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => hung.close(resolve));
    }
  });
});
