import { request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Response } from "express";
import { afterEach, describe, expect, it } from "vitest";
import type { OperationChange } from "../store/operation-change.js";
import type { OperationRecord } from "../store/operation-record.js";
import { createChangeBus } from "../tracking/change-bus.js";
import { createEventsRouter } from "./events-router.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const record: OperationRecord = {
  id: "op",
  owner: "alice",
  kind: "longRunningOperation",
  monitorUrl: "https://graph.microsoft.com/v1.0/monitor",
  operation: { kind: "longRunningOperation", status: "running", rawStatus: "running", raw: {} },
  awaitingAuthorization: false,
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  schedule: { attempt: 1, consecutiveFailures: 0, pacing: {} },
};

/** An events router whose store answers only when the test lets it, with an SSE-client gauge it can read. */
async function startGatedRouter() {
  let release: () => void = () => undefined;
  let reached: () => void = () => undefined;
  const storeReached = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reads = 0;
  const store = {
    get: async (): Promise<OperationRecord | undefined> => {
      reads += 1;
      if (reads === 1) reached();
      await gate;
      return record;
    },
    listChangesSince: async () => [],
  };
  let emit: (change: OperationChange) => void = () => undefined;
  const changes = createChangeBus({
    subscribe: (listener) => {
      emit = listener;
      return () => undefined;
    },
  });
  const responses: Response[] = [];
  let sseClients = 0;
  const metrics = { sseClients: { inc: () => (sseClients += 1), dec: () => (sseClients -= 1) } };
  const app = express();
  app.use((_req, res, next) => {
    responses.push(res);
    res.locals.identity = { id: "alice", method: "api-key" };
    next();
  });
  app.use(
    "/operations",
    createEventsRouter({
      store,
      tracker: { changes, provideAuthorization: async () => undefined },
      metrics: metrics as never,
      upstreamOrigin: "https://graph.microsoft.com",
    }),
  );
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server?.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    storeReached,
    release,
    changes,
    responses,
    emit: (change: OperationChange) => emit(change),
    sseClients: () => sseClients,
  };
}

describe("an event stream that shutdown ends", () => {
  it("writes nothing more once ended, even a change that comes before its close", async () => {
    const router = await startGatedRouter();
    router.release();
    const client = httpRequest(`${router.url}/operations/op/events`);
    client.on("error", () => undefined);
    const answered = new Promise<IncomingMessage>((resolve) => client.once("response", resolve));
    client.end();
    const answer = await answered;
    const received: string[] = [];
    answer.on("data", (chunk: Buffer) => received.push(chunk.toString()));
    const ended = new Promise((resolve) => answer.once("end", resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on("uncaughtException", onError);
    try {
      const response = router.responses[0] as Response;
      response.on("error", onError);
      // What graceful shutdown does to every open event stream, then a poll's change arrives at once.
      response.end();
      router.emit({
        type: "operation",
        owner: "alice",
        id: "op",
        version: 2,
        record: { ...record, version: 2 },
      });
      await ended;
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("uncaughtException", onError);
    }
    expect(errors).toEqual([]);
    expect(received.join("")).toContain("id: 1\n");
    expect(received.join("")).not.toContain("id: 2\n");
  });
});

describe("an event stream whose client leaves before it starts", () => {
  it("leaves no subscription, heartbeat or SSE client behind", async () => {
    const router = await startGatedRouter();
    const serverSawClose = new Promise<void>((resolve) =>
      server?.once("request", (req: IncomingMessage) => req.once("close", () => resolve())),
    );
    const client = httpRequest(`${router.url}/operations/op/events`);
    client.on("error", () => undefined);
    client.end();
    await router.storeReached;
    client.destroy();
    await serverSawClose;
    router.release();
    // The handler goes on with its first read: a few turns of the event loop see it to the stream.
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(router.changes.size).toBe(0);
    expect(router.sseClients()).toBe(0);
  });
});
