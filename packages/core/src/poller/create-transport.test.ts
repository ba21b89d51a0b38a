import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTransport } from "./create-transport.js";
import { closeNow, listenLocally } from "./test-support/local-server.js";
import { transportVariants, undiciMajor } from "./test-support/transport-variants.js";

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
  socket: number;
}

let server: Server;
let origin: string;
const received: Received[] = [];
const sockets = new WeakMap<object, number>();
let socketCount = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (!sockets.has(request.socket)) sockets.set(request.socket, ++socketCount);
      received.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body,
        socket: sockets.get(request.socket)!,
      });
      if (request.url === "/redirect") {
        response.writeHead(303, { location: "/elsewhere" }).end();
        return;
      }
      if (request.url === "/slow") {
        setTimeout(() => response.writeHead(200).end("{}"), 1500);
        return;
      }
      response
        .writeHead(200, { "content-type": "application/json", "x-many": ["a", "b"] })
        .end('{"ok":true}');
    });
  });
  origin = await listenLocally(server);
});
afterAll(() => closeNow(server));

it("tests against undici 8 (the dependency) and undici 7 (the undici7 alias)", () => {
  expect(undiciMajor("undici")).toBe(8);
  expect(undiciMajor("undici7")).toBe(7);
});

it("refuses a maxResponseBytes that is not a whole number of bytes", () => {
  expect(() => createTransport({ maxResponseBytes: -1 })).toThrow(/maxResponseBytes must be a whole number/);
  expect(() => createTransport({ maxResponseBytes: 1.5 })).toThrow(RangeError);
});

describe.each(transportVariants(700))("createTransport: %s", (_name, make) => {
  it("sends the method, path, query, headers and body as given, and reads the answer", async () => {
    const transport = make();
    received.length = 0;
    const response = await transport.request({
      method: "POST",
      url: new URL(`${origin}/v1.0/teams('a')/clone?x=1`),
      headers: { "content-type": "application/json", authorization: "Bearer t" },
      body: '{"a":1}',
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"ok":true}');
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.headers["x-many"]).toBe("a, b");
    expect(received[0]).toMatchObject({ method: "POST", url: "/v1.0/teams('a')/clone?x=1", body: '{"a":1}' });
    expect(received[0]!.headers.authorization).toBe("Bearer t");
    await transport.close();
  });

  it("never follows a redirect: a 303 is an answer", async () => {
    const transport = make();
    received.length = 0;
    const response = await transport.request({
      method: "GET",
      url: new URL(`${origin}/redirect`),
      headers: {},
    });
    expect(response.status).toBe(303);
    expect(response.headers["location"]).toBe("/elsewhere");
    expect(received).toHaveLength(1);
    await transport.close();
  });

  it("keeps connections alive between requests", async () => {
    const transport = make();
    received.length = 0;
    for (let index = 0; index < 8; index += 1) {
      await transport.request({ method: "GET", url: new URL(`${origin}/monitor`), headers: {} });
    }
    // undici may alternate between two idle connections of its pool; none is opened per request.
    expect(new Set(received.map((request) => request.socket)).size).toBeLessThanOrEqual(2);
    await transport.close();
  });

  it("sends many requests under one signal, and its abort ends every one still in flight", async () => {
    const transport = make();
    const controller = new AbortController();
    const { signal } = controller;
    for (let index = 0; index < 20; index += 1) {
      const answer = await transport.request({
        method: "GET",
        url: new URL(`${origin}/monitor`),
        headers: {},
        signal,
      });
      expect(answer.status).toBe(200);
    }
    const stop = new Error("stop");
    const pending = [1, 2, 3].map(() =>
      transport.request({ method: "GET", url: new URL(`${origin}/slow`), headers: {}, signal }),
    );
    controller.abort(stop);
    for (const request of pending) await expect(request).rejects.toBe(stop);
    await expect(
      transport.request({ method: "GET", url: new URL(`${origin}/monitor`), headers: {}, signal }),
    ).rejects.toBe(stop);
    await transport.close();
  });

  it("rejects when the answer takes longer than requestTimeout, or the signal aborts", async () => {
    const transport = make();
    await expect(
      transport.request({ method: "GET", url: new URL(`${origin}/slow`), headers: {} }),
    ).rejects.toThrow();
    const controller = new AbortController();
    const pending = transport.request({
      method: "GET",
      url: new URL(`${origin}/slow`),
      headers: {},
      signal: controller.signal,
    });
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow();
    await transport.close();
  });
});
