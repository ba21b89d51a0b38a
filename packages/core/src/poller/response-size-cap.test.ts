import { createServer } from "node:http";
import type { Server, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { defaultMaxResponseBytes } from "./create-transport.js";
import { pollMonitor } from "./poll-monitor.js";
import { closeNow, listenLocally } from "./test-support/local-server.js";
import { transportVariants } from "./test-support/transport-variants.js";

const streamedBytes = 20 * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, "x");

let server: Server;
let origin: string;
/** Bytes each streaming answer got onto the wire before its client dropped it, by request path. */
const sent = new Map<string, number>();

/** A monitor that streams 20 MB of a JSON string, as fast as the client takes it, chunked or announced. */
function stream(path: string, response: ServerResponse, announce: boolean): void {
  response.writeHead(200, {
    "content-type": "application/json",
    ...(announce ? { "content-length": String(streamedBytes) } : {}),
  });
  let written = 0;
  const finish = () => sent.set(path, response.socket?.bytesWritten ?? written);
  response.on("close", finish);
  const pump = () => {
    while (written < streamedBytes && !response.destroyed) {
      written += chunk.length;
      if (!response.write(chunk)) return void response.once("drain", pump);
    }
    if (!response.destroyed) response.end();
  };
  response.socket?.on("close", finish);
  pump();
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    if (path.startsWith("/stream/")) return stream(path, response, false);
    if (path.startsWith("/announced/")) return stream(path, response, true);
    response.writeHead(200, { "content-type": "application/json" }).end('{"status":"running"}');
  });
  origin = await listenLocally(server);
});
afterAll(() => closeNow(server));

/** What the server got onto the wire for `path`, once its connection closed (waiting up to 10 s on a busy machine). */
async function sentFor(path: string): Promise<number> {
  for (let attempt = 0; attempt < 500 && !sent.has(path); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return sent.get(path) ?? Number.POSITIVE_INFINITY;
}

describe.each(transportVariants(10_000))("the answer size cap: %s", (name, make) => {
  const slug = name.replace(/\W+/g, "-");

  it("ends a 20 MB streaming answer at the cap with ResponseTooLargeError, reading no more", async () => {
    const transport = make();
    const path = `/stream/${slug}`;
    // Buffers that hold network data are counted in arrayBuffers, not on the V8 heap, and unlike the RSS this
    // figure does not move with the heap's own growth or with code compiled for the first time.
    const before = process.memoryUsage().arrayBuffers;
    const failure = await transport
      .request({ method: "GET", url: new URL(`${origin}${path}`), headers: {} })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(ResponseTooLargeError.isInstance(failure), String(failure)).toBe(true);
    const error = failure as ResponseTooLargeError;
    expect(error).toMatchObject({
      name: "ResponseTooLargeError",
      code: "responseTooLarge",
      transient: false,
      maxBytes: defaultMaxResponseBytes,
      method: "GET",
      url: `${origin}${path}`,
    });
    expect(error.message).toMatch(/answered more than 1048576 bytes/);
    // The read stopped within one network chunk of the limit...
    expect(error.receivedBytes).toBeGreaterThan(defaultMaxResponseBytes);
    expect(error.receivedBytes).toBeLessThan(defaultMaxResponseBytes + 512 * 1024);
    // ...the connection was dropped, so the server could not push the rest (socket buffers hold a few MB)...
    expect(await sentFor(path), "bytes the server wrote").toBeLessThan(streamedBytes / 2);
    // ...and the process does not hold the 20 MB (40 MB with the final copy) that buffering would cost.
    expect(grown, "arrayBuffers growth").toBeLessThan(8 * 1024 * 1024);
    // The transport is still good for the next answer.
    const next = await transport.request({ method: "GET", url: new URL(`${origin}/small`), headers: {} });
    expect(next.body).toBe('{"status":"running"}');
    await transport.close();
  });

  it("refuses an answer whose Content-Length is over the limit before reading its body", async () => {
    const transport = make({ maxResponseBytes: 1000 });
    const path = `/announced/${slug}`;
    const failure = await transport
      .request({ method: "GET", url: new URL(`${origin}${path}`), headers: {} })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(ResponseTooLargeError);
    expect(failure).toMatchObject({ maxBytes: 1000, receivedBytes: streamedBytes });
    expect(await sentFor(path)).toBeLessThan(streamedBytes / 2);
    await transport.close();
  });

  it("reads an answer of exactly the limit, and the limit is an option", async () => {
    const transport = make({ maxResponseBytes: 20 });
    const answer = await transport.request({ method: "GET", url: new URL(`${origin}/small`), headers: {} });
    expect(answer.body).toBe('{"status":"running"}');
    const tight = make({ maxResponseBytes: 19 });
    await expect(
      tight.request({ method: "GET", url: new URL(`${origin}/small`), headers: {} }),
    ).rejects.toMatchObject({ code: "responseTooLarge", maxBytes: 19 });
    await Promise.all([transport.close(), tight.close()]);
  });

  it("ends a poll with ResponseTooLargeError (not a transient TransportError to retry)", async () => {
    const transport = make();
    const path = `/stream/poll-${slug}`;
    await expect(pollMonitor(`${origin}${path}`, { transport })).rejects.toSatisfy(
      (error) => ResponseTooLargeError.isInstance(error) && !("transient" in error && error.transient),
    );
    await transport.close();
  });
});
