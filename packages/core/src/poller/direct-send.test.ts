import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TransportError } from "../errors/transport-error.js";
import { directSendOf } from "./direct-send.js";
import type { AnswerReceiver } from "./direct-send.js";
import { pollOperation } from "./poll-operation.js";
import { observe } from "./test-support/observe.js";
import { closedPort, closeNow, listenLocally, promptly } from "./test-support/local-server.js";
import { transportVariants } from "./test-support/transport-variants.js";
import type { TransportResponse } from "./transport.js";

let server: Server;
let origin: string;
/** Requests to /hang, kept open until the client goes; each resolves when its connection closes. */
const hanging: { request: IncomingMessage; closed: Promise<void> }[] = [];
let monitorGets = 0;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.url === "/hang") {
      hanging.push({ request, closed: new Promise((resolve) => response.on("close", () => resolve())) });
      return;
    }
    if (request.url === "/monitor") {
      monitorGets += 1;
      // The first answer says running; the second waits until the client goes.
      if (monitorGets > 1) {
        hanging.push({ request, closed: new Promise((resolve) => response.on("close", () => resolve())) });
        return;
      }
    }
    response
      .writeHead(200, { "content-type": "application/json" })
      .end('{"id":"op-1","status":"running","percentComplete":10}');
  });
  origin = await listenLocally(server);
});
afterAll(() => closeNow(server));

/** A receiver that records what it hears, and resolves once it hears anything. */
function recorder(): AnswerReceiver & {
  heard: (["answer", TransportResponse] | ["no answer", unknown])[];
  settled: Promise<void>;
} {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const heard: (["answer", TransportResponse] | ["no answer", unknown])[] = [];
  return {
    heard,
    settled,
    onAnswer: (response) => {
      heard.push(["answer", response]);
      settle();
    },
    onNoAnswer: (reason) => {
      heard.push(["no answer", reason]);
      settle();
    },
  };
}

// Their own request timeout is far off: only a cancel closes a hanging request within the tests' waits.
const undiciVariants = transportVariants(30_000).filter(([name]) => name !== "fetch");

describe.each(undiciVariants)("direct send on the undici transport: %s", (_name, make) => {
  it("hands the answer to the receiver, once", async () => {
    const transport = make();
    const send = directSendOf(transport)!;
    const receiver = recorder();
    send(
      { method: "GET", url: new URL(`${origin}/answer?x=1`), headers: { accept: "application/json" } },
      receiver,
    );
    await receiver.settled;
    expect(receiver.heard).toHaveLength(1);
    const [kind, response] = receiver.heard[0]!;
    expect(kind).toBe("answer");
    expect((response as TransportResponse).status).toBe(200);
    expect(JSON.parse((response as TransportResponse).body)).toMatchObject({ id: "op-1" });
    await transport.close();
  });

  it("cancels a request in flight: the receiver hears the reason once, and the connection goes", async () => {
    const transport = make();
    const send = directSendOf(transport)!;
    const receiver = recorder();
    const waiting = hanging.length;
    const sent = send({ method: "GET", url: new URL(`${origin}/hang`), headers: {} }, receiver);
    await expect.poll(() => hanging.length).toBe(waiting + 1);
    const reason = new Error("stopped");
    sent.cancel(reason);
    await receiver.settled;
    await promptly(hanging[waiting]!.closed);
    // A second cancel, or one after the end, is heard by nobody.
    sent.cancel(new Error("again"));
    expect(receiver.heard).toEqual([["no answer", reason]]);
    await transport.close();
  });

  it("hears a refused connection as no answer", async () => {
    const transport = make();
    const port = await closedPort();
    const receiver = recorder();
    directSendOf(transport)!(
      { method: "GET", url: new URL(`http://127.0.0.1:${port}/`), headers: {} },
      receiver,
    );
    await receiver.settled;
    expect(receiver.heard).toHaveLength(1);
    expect(receiver.heard[0]![0]).toBe("no answer");
    await transport.close();
  });
});

it("is the package's own: a fetch transport, or any transport a caller writes, has no direct send", () => {
  const [, makeFetch] = transportVariants(2000).find(([name]) => name === "fetch")!;
  expect(directSendOf(makeFetch())).toBeUndefined();
  expect(
    directSendOf({ request: () => Promise.reject(new Error("no")), close: async () => {} }),
  ).toBeUndefined();
});

describe.each(undiciVariants)("a poll loop on the undici transport: %s", (_name, make) => {
  it("cancels its request in flight when unsubscribed, and sends no other", async () => {
    const transport = make();
    monitorGets = 0;
    const waiting = hanging.length;
    const observed = observe(
      pollOperation(`${origin}/monitor`, { transport, interval: 50, adaptive: false }),
    );
    // The first poll answers running; the second hangs until the loop stops.
    await expect.poll(() => hanging.length, { timeout: 3000 }).toBe(waiting + 1);
    expect(observed.values.map((operation) => operation.status)).toEqual(["running"]);
    observed.subscription.unsubscribe();
    await promptly(hanging[waiting]!.closed);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(monitorGets).toBe(2);
    expect(observed.error).toBeUndefined();
    await transport.close();
  });

  it("ends with a TransportError when the monitor cannot be reached", async () => {
    const transport = make();
    const port = await closedPort();
    const observed = observe(
      pollOperation(`http://127.0.0.1:${port}/monitor`, { transport, maxRetries: 0, adaptive: false }),
    );
    await expect.poll(() => observed.error, { timeout: 3000 }).toBeDefined();
    expect(TransportError.isInstance(observed.error)).toBe(true);
    await transport.close();
  });
});
