import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createProxyClient, type OperationStreamEvent } from "./proxy-client.js";
import { ProxyResponseError } from "./errors.js";

const operation = (id: string, version: number, status = "running") => ({
  id,
  status,
  createdDateTime: "2026-12-07T05:00:00.000Z",
  lastActionDateTime: "2026-12-07T05:00:01.000Z",
  kind: "richLongRunningOperation",
  upstreamStatus: status,
  monitorUrl: `https://graph.microsoft.com/v1.0/operations/${id}`,
  version,
});

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

/** A scripted HTTP server: every request is recorded, then answered by `handle`. */
async function serve(handle: (seen: Seen, response: ServerResponse) => void) {
  const requests: Seen[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const seen = { method: request.method ?? "", url: request.url ?? "", headers: request.headers, body };
      requests.push(seen);
      handle(seen, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/lro`, requests };
}

const json = (
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

describe("createProxyClient", () => {
  it("gets, waits, adopts and deletes under the base path, with its credentials on every request", async () => {
    const server = await serve((seen, response) => {
      if (seen.method === "DELETE") return response.writeHead(seen.url.endsWith("gone") ? 404 : 204).end();
      if (seen.method === "POST") return json(response, 202, operation("new", 1));
      json(response, 200, operation("a b", 2, seen.headers.prefer === undefined ? "running" : "succeeded"));
    });
    const client = createProxyClient({
      baseUrl: server.url,
      apiKey: "key-0123456789abcdef",
      headers: { "x-extra": "1" },
    });
    expect((await client.get("a b")).status).toBe("running");
    expect((await client.wait("a b", 30)).status).toBe("succeeded");
    const adopted = await client.adopt(
      { monitorUrl: "https://graph.microsoft.com/v1.0/operations/x" },
      { authorization: "Bearer graph" },
    );
    expect(adopted.id).toBe("new");
    expect(await client.delete("a b")).toBe(true);
    expect(await client.delete("gone")).toBe(false);
    expect(server.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
      "GET /lro/operations/a%20b",
      "GET /lro/operations/a%20b",
      "POST /lro/operations",
      "DELETE /lro/operations/a%20b",
      "DELETE /lro/operations/gone",
    ]);
    expect(server.requests.every((seen) => seen.headers["x-api-key"] === "key-0123456789abcdef")).toBe(true);
    expect(server.requests.every((seen) => seen.headers["x-extra"] === "1")).toBe(true);
    expect(server.requests[1]?.headers.prefer).toBe("wait=30");
    expect(server.requests[2]?.headers.authorization).toBe("Bearer graph");
    expect(JSON.parse(server.requests[2]?.body ?? "")).toEqual({
      monitorUrl: "https://graph.microsoft.com/v1.0/operations/x",
    });
  });

  it("mints a stream token for one operation and checks its answer", async () => {
    const server = await serve((seen, response) => {
      if (seen.url.includes("bad")) return json(response, 200, { token: "t" });
      if (seen.url.includes("gone"))
        return json(response, 404, { error: { code: "itemNotFound", message: "no such operation" } });
      json(response, 200, {
        token: "v1.a.b",
        expiresDateTime: "2026-12-07T09:05:00.000Z",
        url: "https://lro.example.com/operations/a%20b/events?streamToken=v1.a.b",
      });
    });
    const client = createProxyClient({ baseUrl: server.url, apiKey: "key-0123456789abcdef" });
    expect(await client.streamToken("a b")).toEqual({
      token: "v1.a.b",
      expiresDateTime: "2026-12-07T09:05:00.000Z",
      url: "https://lro.example.com/operations/a%20b/events?streamToken=v1.a.b",
    });
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/lro/operations/a%20b/stream-token" });
    expect(server.requests[0]?.headers["x-api-key"]).toBe("key-0123456789abcdef");
    await expect(client.streamToken("bad")).rejects.toThrow(/expiresDateTime/);
    await expect(client.streamToken("gone")).rejects.toBeInstanceOf(ProxyResponseError);
  });

  it("pages with $top and $filter, reads each next link on its own address, and keeps unreadable items", async () => {
    const server = await serve((seen, response) => {
      if (seen.url.includes("skiptoken=2"))
        return json(response, 200, { value: [operation("c", 1), { id: "broken" }] });
      json(response, 200, {
        value: [operation("a", 3), operation("b", 2)],
        "@odata.nextLink": "https://public.example/v1.0/operations?$top=2&$skiptoken=2",
      });
    });
    const client = createProxyClient({ baseUrl: server.url });
    const pages = [];
    for await (const page of client.pages({ top: 2, filter: "status eq 'running'" })) pages.push(page);
    expect(pages.map((page) => page.operations.map(({ id }) => id))).toEqual([["a", "b"], ["c"]]);
    expect(pages[1]?.unreadable).toEqual([
      { input: { id: "broken" }, message: expect.stringMatching(/version/) },
    ]);
    expect(server.requests.map(({ url }) => url)).toEqual([
      "/lro/operations?$top=2&$filter=status%20eq%20%27running%27",
      "/lro/operations?$top=2&$skiptoken=2",
    ]);
  });

  it("throws a ProxyResponseError carrying the Graph error envelope and the proxy's request-id", async () => {
    const envelope = {
      error: {
        code: "itemNotFound",
        message: "No operation",
        innerError: { date: "2026-12-07T05:00:00Z", "request-id": "r-1" },
      },
    };
    const server = await serve((_seen, response) => json(response, 404, envelope, { "request-id": "r-1" }));
    const error = await createProxyClient({ baseUrl: server.url })
      .get("x")
      .catch((caught: unknown) => caught);
    expect(ProxyResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 404,
      detail: "No operation",
      envelope,
      requestId: "r-1",
      fatal: true,
    });
  });

  it("streams events, reconnects after a break and resumes with Last-Event-ID", async () => {
    const server = await serve((seen, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      if (seen.headers["last-event-id"] === undefined) {
        response.write(
          `: heartbeat\n\nretry: 10\n\nevent: operation\nid: 4\ndata: ${JSON.stringify(operation("a", 4))}\n\n`,
        );
        response.write("event: operation\nid: 5\ndata: {not json\n\n");
        setTimeout(() => response.destroy(), 20);
      } else {
        response.write(`event: deleted\nid: 6\ndata: {"id":"a"}\n\n`);
      }
    });
    const controller = new AbortController();
    const events: OperationStreamEvent[] = [];
    for await (const event of createProxyClient({ baseUrl: server.url }).stream({
      id: "a",
      signal: controller.signal,
    })) {
      events.push(event);
      if (event.type === "deleted") controller.abort();
    }
    expect(events.map((event) => `${event.type} ${event.eventId}`)).toEqual([
      "operation 4",
      "unreadable 5",
      "deleted 6",
    ]);
    expect(server.requests.map((seen) => [seen.url, seen.headers["last-event-id"]])).toEqual([
      ["/lro/operations/a/events", undefined],
      ["/lro/operations/a/events", "5"],
    ]);
  });

  it("stops streaming at once on an answer retrying cannot help", async () => {
    const server = await serve((_seen, response) =>
      json(response, 401, { error: { code: "unauthorized", message: "Unknown API key" } }),
    );
    const stream = createProxyClient({ baseUrl: server.url, apiKey: "wrong-key-0123456789" }).stream();
    await expect(stream.next()).rejects.toMatchObject({ status: 401, detail: "Unknown API key" });
    expect(server.requests).toHaveLength(1);
  });
});
