import { request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { type RawAnswer, rawRequest, testApiKey } from "../lifecycle/test-support/test-proxy.js";
import { useProxiesOnSimulator } from "../lifecycle/test-support/proxies-on-simulator.js";
import { createOpenApiDocument } from "./openapi-document.js";
import { createResponseChecker, type ResponseChecker } from "./test-support/response-checker.js";

/*
 * Real answers of a running proxy (on the simulator), success and error alike, checked against the
 * document it serves at /openapi.json: status, content type, body schema and headers.
 */

const key = { "x-api-key": testApiKey };

const servers = useProxiesOnSimulator(
  { defaults: { durationMs: 300 } },
  {
    proxy: [],
  },
);

let checker: ResponseChecker;

beforeAll(async () => {
  const served = await rawRequest(`${servers.proxy.url}/openapi.json`);
  checker = createResponseChecker(served.json());
});

const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(`${servers.proxy.url}${path}`, { headers: { ...key, ...headers } });
const send = (method: string, path: string, body: string, headers: Record<string, string> = {}) =>
  rawRequest(`${servers.proxy.url}${path}`, {
    method,
    headers: { ...key, "content-type": "application/json", ...headers },
    body,
  });

/** Starts an operation through the proxy: a team clone, taken over. */
async function startClone(): Promise<{ id: string; answer: RawAnswer }> {
  const answer = await send("POST", "/v1.0/teams/source/clone", "{}", {
    "client-request-id": "conformance-1",
  });
  expect(answer.status).toBe(202);
  return { id: answer.json<{ id: string }>().id, answer };
}

/** The first `count` events of a stream, as the raw frames' event names and data. */
function firstEvents(path: string, count: number, headers: Record<string, string> = key) {
  return new Promise<{ answer: RawAnswer; events: { event: string; data: unknown }[] }>((resolve, reject) => {
    const events: { event: string; data: unknown }[] = [];
    const call = request(`${servers.proxy.url}${path}`, { headers }, (response) => {
      let buffered = "";
      const finish = () => {
        call.destroy();
        resolve({
          answer: {
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.alloc(0),
          } as RawAnswer,
          events,
        });
      };
      response.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        let end: number;
        while ((end = buffered.indexOf("\n\n")) !== -1) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const event = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (event !== undefined && data !== undefined)
            events.push({ event, data: JSON.parse(data) as unknown });
          if (events.length >= count) return finish();
        }
      });
      response.on("end", finish);
    });
    call.on("error", (error) => (events.length >= count ? undefined : reject(error)));
    call.end();
  });
}

describe("the proxy's answers match its OpenAPI document", () => {
  it("serves the document at /openapi.json without credentials, servers under its own address", async () => {
    const served = await rawRequest(`${servers.proxy.url}/openapi.json`);
    expect(checker.problems("get", "/openapi.json", served)).toEqual([]);
    expect(served.json()).toEqual(
      createOpenApiDocument({
        prefixes: ["/v1.0", "/beta"],
        base: servers.proxy.url,
        version: expect.any(String) as never,
      }),
    );
  });

  it("the health endpoints", async () => {
    expect(checker.problems("get", "/healthz", await rawRequest(`${servers.proxy.url}/healthz`))).toEqual([]);
    expect(checker.problems("get", "/readyz", await rawRequest(`${servers.proxy.url}/readyz`))).toEqual([]);
    expect(checker.problems("get", "/metrics", await rawRequest(`${servers.proxy.url}/metrics`))).toEqual([]);
  });

  it("a taken-over 202, get, wait, 304 and the list with its next page", async () => {
    const { id, answer } = await startClone();
    expect(checker.problemsOfValue("Operation", answer.json())).toEqual([]);
    const running = await get(`/v1.0/operations/${id}`);
    expect(checker.problems("get", "/operations/{id}", running)).toEqual([]);
    const ended = await get(`/operations/${id}`, { prefer: "wait=10" });
    expect(ended.json<{ status: string }>().status).toBe("succeeded");
    expect(ended.headers["preference-applied"]).toBe("wait=10");
    expect(checker.problems("get", "/operations/{id}", ended)).toEqual([]);
    // An operation that ended no longer changes: its ETag is answered with a 304.
    const unchanged = await get(`/operations/${id}`, { "if-none-match": String(ended.headers.etag) });
    expect(unchanged.status).toBe(304);
    expect(checker.problems("get", "/operations/{id}", unchanged)).toEqual([]);

    await startClone();
    const page = await get("/beta/operations?$top=1");
    expect(page.json<Record<string, unknown>>()["@odata.nextLink"]).toBeDefined();
    expect(checker.problems("get", "/operations", page)).toEqual([]);
    const filtered = await get(`/operations?$filter=${encodeURIComponent("status eq 'failed'")}`);
    expect(checker.problems("get", "/operations", filtered)).toEqual([]);
  });

  it("adopt and delete", async () => {
    const started = await rawRequest(`${servers.simulator.url}/v1.0/print/printers/create`, {
      method: "POST",
    });
    const adopted = await send(
      "POST",
      "/operations",
      JSON.stringify({ monitorUrl: started.headers["operation-location"] }),
    );
    expect(adopted.status).toBe(202);
    expect(checker.problems("post", "/operations", adopted)).toEqual([]);
    const id = adopted.json<{ id: string }>().id;
    const deleted = await rawRequest(`${servers.proxy.url}/operations/${id}`, {
      method: "DELETE",
      headers: key,
    });
    expect(deleted.status).toBe(204);
    expect(checker.problems("delete", "/operations/{id}", deleted)).toEqual([]);
    const again = await rawRequest(`${servers.proxy.url}/operations/${id}`, {
      method: "DELETE",
      headers: key,
    });
    expect(again.status).toBe(404);
    expect(checker.problems("delete", "/operations/{id}", again)).toEqual([]);
  });

  it("the event streams, each event's data against its schema", async () => {
    const { id } = await startClone();
    const one = await firstEvents(`/operations/${id}/events`, 1);
    expect(checker.problems("get", "/operations/{id}/events", one.answer)).toEqual([]);
    const all = await firstEvents("/v1.0/operations/events", 2);
    expect(checker.problems("get", "/operations/events", all.answer)).toEqual([]);
    const eventData = checker.mediaType("get", "/operations/events", 200, "text/event-stream")?.[
      "x-event-data"
    ] as Record<string, { $ref: string }> | undefined;
    expect(Object.keys(eventData ?? {})).toEqual(["operation", "deleted"]);
    await rawRequest(`${servers.proxy.url}/operations/${id}`, { method: "DELETE", headers: key });
    const replay = await firstEvents(`/operations/${id}/events`, 2, { ...key, "last-event-id": "1" });
    const events = [...one.events, ...all.events, ...replay.events];
    expect(events.map((event) => event.event)).toContain("deleted");
    for (const { event, data } of events) {
      const id = eventData?.[event]?.$ref.split("/").at(-1) ?? "unknown event";
      expect(checker.problemsOfValue(id, data)).toEqual([]);
    }
  });

  it("a stream token and the stream it opens without credentials", async () => {
    const { id } = await startClone();
    const minted = await send("POST", `/v1.0/operations/${id}/stream-token`, "");
    expect(minted.status).toBe(200);
    expect(checker.problems("post", "/operations/{id}/stream-token", minted)).toEqual([]);
    const { url } = minted.json<{ url: string }>();
    // No credentials: the token alone opens the stream.
    const stream = await firstEvents(`${new URL(url).pathname}${new URL(url).search}&lastEventId=1`, 1, {});
    expect(checker.problems("get", "/operations/{id}/events", stream.answer)).toEqual([]);
    expect(checker.problemsOfValue("Operation", stream.events[0]?.data)).toEqual([]);
    const missing = await send("POST", "/operations/no-such-id/stream-token", "");
    expect(checker.problems("post", "/operations/{id}/stream-token", missing)).toEqual([]);
  });

  it("a JSON batch with an inner 202 taken over", async () => {
    const answer = await send(
      "POST",
      "/v1.0/$batch",
      JSON.stringify({
        requests: [
          { id: "1", method: "POST", url: "/teams/t/archive", body: {} },
          { id: "2", method: "GET", url: "/nothing" },
        ],
      }),
    );
    expect(answer.status).toBe(200);
    expect(checker.problems("post", "/$batch", answer)).toEqual([]);
  });

  it("Graph's error envelope on every error", async () => {
    expect(checker.problems("get", "/operations/{id}", await get("/operations/no-such-id"))).toEqual([]);
    expect(checker.problems("get", "/operations/{id}", await get("/operations/x?wait=soon"))).toEqual([]);
    expect(checker.problems("get", "/operations", await get("/operations?$top=ten"))).toEqual([]);
    expect(
      checker.problems(
        "get",
        "/operations/events",
        await get("/operations/events", { "last-event-id": "x" }),
      ),
    ).toEqual([]);
    const bad = await send("POST", "/operations", JSON.stringify({ monitorUrl: "not a url" }));
    expect(bad.status).toBe(400);
    expect(checker.problems("post", "/operations", bad)).toEqual([]);
    const text = await send("POST", "/operations", "monitorUrl=x", { "content-type": "text/plain" });
    expect(text.status).toBe(415);
    expect(checker.problems("post", "/operations", text)).toEqual([]);
    const anonymous = await rawRequest(`${servers.proxy.url}/operations`);
    expect(anonymous.status).toBe(401);
    expect(checker.problems("get", "/operations", anonymous)).toEqual([]);
    const wrongMethod = await rawRequest(`${servers.proxy.url}/operations/x`, {
      method: "PUT",
      headers: key,
    });
    expect(wrongMethod.status).toBe(405);
    expect(checker.problemsAsComponent("MethodNotAllowed", wrongMethod)).toEqual([]);
  });

  it("finds what does not match (the checker itself)", async () => {
    const ok = await rawRequest(`${servers.proxy.url}/healthz`);
    expect(checker.problems("get", "/healthz", { ...ok, status: 418 })).toEqual([
      "GET /healthz 418: the document declares no such response",
    ]);
    expect(
      checker.problems("get", "/healthz", { ...ok, body: Buffer.from('{"status":"fine"}') }),
    ).not.toEqual([]);
    const { "request-id": _id, ...withoutRequestId } = ok.headers;
    expect(checker.problems("get", "/healthz", { ...ok, headers: withoutRequestId })).toEqual([
      "GET /healthz 200: header request-id is required",
    ]);
    expect(
      checker.problems("get", "/healthz", { ...ok, headers: { ...ok.headers, "content-type": "text/html" } }),
    ).toEqual(['GET /healthz 200: content type "text/html" is not one of application/json']);
  });
});
