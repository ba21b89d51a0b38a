import { getEventListeners } from "node:events";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { TransportError } from "../errors/transport-error.js";
import { startOperation } from "./start-operation.js";
import { observe } from "./test-support/observe.js";
import { closedPort, closeNow, listenLocally, promptly } from "./test-support/local-server.js";
import { transportVariants } from "./test-support/transport-variants.js";

let server: Server;
let origin: string;
/** Start requests to /hang, kept open until the client goes; each resolves when its connection closes. */
const hanging: { closed: Promise<void> }[] = [];
/** Monitor GETs per monitor path. */
const polls = new Map<string, number>();
let starts = 0;

function answer(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? "/";
    if (request.method === "POST" && path === "/hang") {
      hanging.push({ closed: new Promise((resolve) => response.on("close", () => resolve())) });
      return;
    }
    if (request.method === "POST" && path === "/large")
      return answer(response, 202, { padding: "x".repeat(4096) }, { location: `${origin}/monitor/large` });
    if (request.method === "POST" && path.startsWith("/start/")) {
      starts += 1;
      response.writeHead(202, { "operation-location": `${origin}/monitor/${path.slice(7)}` }).end();
      return;
    }
    if (path.startsWith("/monitor/")) {
      const count = (polls.get(path) ?? 0) + 1;
      polls.set(path, count);
      return answer(response, 200, { id: path, status: count < 2 ? "running" : "succeeded" });
    }
    answer(response, 404, { error: { code: "itemNotFound", message: "No such thing" } });
  });
  origin = await listenLocally(server);
});
afterAll(() => closeNow(server));

const aborts = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

// Every way the poller speaks HTTP on Node: the package's undici transports start by direct send, fetch
// with a signal. Each must behave the same; their own request timeout is far off.
describe.each(transportVariants(30_000))("startOperation on %s", (name, make) => {
  const slug = name.replace(/\W+/g, "-");

  it("follows a 202 to its end; the caller's signal holds one listener while polling and none after", async () => {
    const transport = make();
    const controller = new AbortController();
    const observed = observe(
      startOperation(`${origin}/start/${slug}`, {
        transport,
        signal: controller.signal,
        interval: 20,
        adaptive: false,
      }),
    );
    await expect.poll(() => observed.values.length, { timeout: 3000 }).toBeGreaterThan(0);
    expect(aborts(controller.signal)).toBe(1);
    await expect.poll(() => observed.completed, { timeout: 3000 }).toBe(true);
    expect(observed.values.map((operation) => operation.status)).toEqual(["running", "succeeded"]);
    expect(aborts(controller.signal)).toBe(0);
    await transport.close();
  });

  it("closes the start request in flight when unsubscribed, and polls nothing", async () => {
    const transport = make();
    const waiting = hanging.length;
    const before = starts;
    const observed = observe(startOperation(`${origin}/hang`, { transport }));
    await expect.poll(() => hanging.length).toBe(waiting + 1);
    observed.subscription.unsubscribe();
    await promptly(hanging[waiting]!.closed);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(starts).toBe(before);
    expect(observed.error).toBeUndefined();
    expect(observed.values).toEqual([]);
    await transport.close();
  });

  it("ends with the caller's abort reason when its signal aborts during the start, closing the request", async () => {
    const transport = make();
    const controller = new AbortController();
    const waiting = hanging.length;
    const observed = observe(startOperation(`${origin}/hang`, { transport, signal: controller.signal }));
    await expect.poll(() => hanging.length).toBe(waiting + 1);
    const reason = new Error("the caller gave up");
    controller.abort(reason);
    await promptly(hanging[waiting]!.closed);
    await expect.poll(() => observed.error).toBe(reason);
    expect(aborts(controller.signal)).toBe(0);
    await transport.close();
  });

  it("ends at once with the reason of a signal aborted before subscribing, sending nothing", async () => {
    const transport = make();
    const before = starts;
    const reason = new Error("already gone");
    const observed = observe(
      startOperation(`${origin}/start/never-${slug}`, { transport, signal: AbortSignal.abort(reason) }),
    );
    await expect.poll(() => observed.error).toBe(reason);
    expect(starts).toBe(before);
    await transport.close();
  });

  it("ends with a TransportError naming the request when its origin refuses the connection", async () => {
    const transport = make();
    const url = `http://127.0.0.1:${await closedPort()}/start/refused`;
    const observed = observe(startOperation(url, { transport }));
    await expect.poll(() => observed.error, { timeout: 3000 }).toBeDefined();
    expect(TransportError.isInstance(observed.error)).toBe(true);
    expect(observed.error).toMatchObject({ url, method: "POST" });
    await transport.close();
  });

  it("ends with ResponseTooLargeError when the start answer is over the cap", async () => {
    const transport = make({ maxResponseBytes: 1024 });
    const observed = observe(startOperation(`${origin}/large`, { transport }));
    await expect.poll(() => observed.error, { timeout: 3000 }).toBeDefined();
    expect(ResponseTooLargeError.isInstance(observed.error)).toBe(true);
    expect(observed.error).toMatchObject({ maxBytes: 1024, method: "POST", url: `${origin}/large` });
    await transport.close();
  });
});
