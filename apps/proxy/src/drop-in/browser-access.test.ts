import { createProxyClient, streamTokenSchema } from "@lro/client";
import { startSimulator, type Simulator } from "@lro/simulator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  fastTracker,
  rawRequest,
  startTestProxy,
  testApiKey,
  type TestProxy,
} from "../lifecycle/test-support/test-proxy.js";
import { corsAllowedHeaders } from "../security/cors.js";
import { createStreamTokens } from "../security/stream-token.js";
import { openEventStream, type SseFrame } from "../tracking/test-support/sse-client.js";

const key = { "x-api-key": testApiKey };
const otherKey = "other-key-0123456789abcdef0123";
const page = "https://app.example.com";
const secret = Buffer.alloc(32, 9);

let simulator: Simulator;
let proxy: TestProxy;
let closed: TestProxy;

beforeAll(async () => {
  simulator = await startSimulator({ defaults: { durationMs: 60_000 } });
  proxy = await startTestProxy(
    simulator.url,
    [
      "--cors-origin",
      page,
      "--cors-origin",
      "http://localhost:5173",
      "--stream-token-secret",
      secret.toString("hex"),
      "--api-key",
      otherKey,
    ],
    fastTracker,
  );
  closed = await startTestProxy(simulator.url, [], fastTracker);
});

afterAll(async () => {
  await Promise.all([proxy.close(), closed.close()]);
  await simulator.close();
});

async function startOperation(
  scenario: Record<string, unknown> = {},
  apiKey = testApiKey,
): Promise<{ id: string; location: string }> {
  const started = await rawRequest(`${proxy.url}/v1.0/teams/source-team/clone`, {
    method: "POST",
    headers: {
      "x-api-key": apiKey,
      "content-type": "application/json",
      "x-simulator-scenario": JSON.stringify(scenario),
    },
    body: "{}",
  });
  expect(started.status).toBe(202);
  return { id: started.json<{ id: string }>().id, location: started.headers.location as string };
}

async function mint(id: string, prefix = "", apiKey = testApiKey) {
  const answer = await rawRequest(`${proxy.url}${prefix}/operations/${encodeURIComponent(id)}/stream-token`, {
    method: "POST",
    headers: { "x-api-key": apiKey, origin: page },
  });
  return answer;
}

const preflight = (url: string, origin: string, method = "POST") =>
  rawRequest(url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": method,
      "access-control-request-headers": "x-api-key,content-type,authorization",
    },
  });

describe("CORS for --cors-origin", () => {
  it("answers a preflight from a configured origin with 204, without credentials, on every path", async () => {
    for (const path of ["/operations", "/operations/x/events", "/v1.0/teams/t/clone", "/beta/me"]) {
      const answer = await preflight(`${proxy.url}${path}`, page);
      expect(answer.status, path).toBe(204);
      expect(answer.headers["access-control-allow-origin"]).toBe(page);
      expect(answer.headers["access-control-allow-methods"]).toContain("POST");
      const allowed = (answer.headers["access-control-allow-headers"] as string).toLowerCase().split(", ");
      for (const header of ["authorization", "x-api-key", "content-type", "prefer", "client-request-id"])
        expect(allowed).toContain(header);
      expect(allowed).toContain("if-none-match");
      expect(allowed).toContain("last-event-id");
      expect(answer.headers.vary).toMatch(/\bOrigin\b/);
      expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
      expect(answer.body.length).toBe(0);
    }
    expect(corsAllowedHeaders).toContain("X-API-Key");
  });

  it("names an allowed origin back on answers (errors too) and exposes the headers clients read", async () => {
    const started = await rawRequest(`${proxy.url}/v1.0/teams/source-team/clone`, {
      method: "POST",
      headers: { ...key, origin: page, "content-type": "application/json" },
      body: "{}",
    });
    expect(started.status).toBe(202);
    expect(started.headers["access-control-allow-origin"]).toBe(page);
    const exposed = (started.headers["access-control-expose-headers"] as string).toLowerCase().split(", ");
    for (const header of [
      "location",
      "operation-location",
      "retry-after",
      "etag",
      "request-id",
      "client-request-id",
      "upstream-request-id",
      "upstream-location",
      "content-location",
    ])
      expect(exposed).toContain(header);
    expect(started.headers.vary).toMatch(/\bOrigin\b/);

    const refused = await rawRequest(`${proxy.url}/operations`, { headers: { origin: page } });
    expect(refused.status).toBe(401);
    expect(refused.headers["access-control-allow-origin"]).toBe(page);

    const local = await rawRequest(`${proxy.url}/operations`, {
      headers: { ...key, origin: "http://localhost:5173" },
    });
    expect(local.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
  });

  it("gives any other origin no CORS header at all, and never reflects it", async () => {
    for (const origin of [
      "https://evil.example",
      "https://app.example.com.evil.example",
      "null",
      "http://app.example.com",
    ]) {
      const answer = await preflight(`${proxy.url}/operations`, origin);
      expect(answer.status).toBe(204);
      expect(Object.keys(answer.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
      const get = await rawRequest(`${proxy.url}/operations`, { headers: { ...key, origin } });
      expect(get.status).toBe(200);
      expect(Object.keys(get.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
      expect(get.headers.vary).toMatch(/\bOrigin\b/);
    }
  });

  it("never passes on the upstream's CORS headers (the simulator allows every origin)", async () => {
    const direct = await rawRequest(`${simulator.url}/v1.0/teams/t/clone`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(direct.headers["access-control-allow-origin"]).toBe("https://evil.example");
    // A forwarded answer that is not a 202: a 404 of an unknown path, passed through.
    const forwarded = await rawRequest(`${proxy.url}/v1.0/no/such/thing`, {
      headers: { ...key, origin: "https://evil.example" },
    });
    expect(forwarded.status).toBe(404);
    expect(Object.keys(forwarded.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
    const allowed = await rawRequest(`${proxy.url}/v1.0/no/such/thing`, {
      headers: { ...key, origin: page },
    });
    expect(allowed.headers["access-control-allow-origin"]).toBe(page);
    expect(allowed.headers.vary).toMatch(/\bOrigin\b/);
  });

  it("is off without --cors-origin: a preflight is not answered for the page, no CORS headers", async () => {
    const answer = await preflight(`${closed.url}/operations`, page);
    expect(answer.status).toBe(401);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("stream tokens: POST /operations/{id}/stream-token", () => {
  const isEnd = (frame: SseFrame) =>
    frame.event === "operation" &&
    (JSON.parse(frame.data ?? "{}") as { status?: string }).status === "succeeded";

  it("mints a token whose url streams that operation's events to the end, without credentials", async () => {
    const { id } = await startOperation({ durationMs: 300 });
    const answer = await mint(id);
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    expect(answer.headers["access-control-allow-origin"]).toBe(page);
    const { token, expiresDateTime, url } = answer.json<{
      token: string;
      expiresDateTime: string;
      url: string;
    }>();
    expect(url).toBe(`${proxy.url}/operations/${id}/events?streamToken=${token}`);
    const lifetime = Date.parse(expiresDateTime) - Date.now();
    expect(lifetime).toBeGreaterThan(290_000);
    expect(lifetime).toBeLessThanOrEqual(300_000);

    const events = await openEventStream(url, { origin: page });
    expect(events.status).toBe(200);
    expect(events.headers.get("access-control-allow-origin")).toBe(page);
    const frames = await events.until(isEnd, 10_000);
    events.close();
    expect(frames.every((frame) => JSON.parse(frame.data ?? "{}").id === id)).toBe(true);
    // Never written to the logs in clear (the stream's record is written once it closed).
    await vi.waitFor(() =>
      expect(proxy.logs()).toContain(`/operations/${id}/events?streamToken=%5Bredacted%5D`),
    );
    expect(proxy.logs()).not.toContain(token);
    expect(proxy.logs()).not.toContain(token.split(".")[2]);
  });

  it("writes the url under the prefix the request came through, and works there too", async () => {
    const { id } = await startOperation({ durationMs: 300 });
    const answer = await mint(id, "/v1.0");
    const { url } = answer.json<{ url: string }>();
    expect(url.startsWith(`${proxy.url}/v1.0/operations/${id}/events?streamToken=`)).toBe(true);
    const events = await openEventStream(url, {});
    expect(events.status).toBe(200);
    await events.until(isEnd, 10_000);
    events.close();
  });

  it("resumes after lastEventId (query) or Last-Event-ID with the state after it, never one before", async () => {
    const { id } = await startOperation({ durationMs: 300 });
    const { url } = (await mint(id)).json<{ url: string }>();
    const first = await openEventStream(url, {});
    const frames = await first.until(isEnd, 10_000);
    first.close();
    expect(frames.length).toBeGreaterThan(1);
    const last = frames.at(-1)!;
    // A replay sends the operation's latest state after the id given: here its end, once.
    for (const [resumeUrl, headers] of [
      [`${url}&lastEventId=${frames[0]!.id}`, {}],
      [url, { "last-event-id": frames[0]!.id! }],
      [`${url}&lastEventId=1`, { "last-event-id": frames[0]!.id! }],
    ] as const) {
      const resumed = await openEventStream(resumeUrl, headers);
      const replay = await resumed.until(isEnd, 10_000);
      resumed.close();
      expect(replay.map((frame) => frame.id)).toEqual([last.id]);
    }
    const current = await openEventStream(`${url}&lastEventId=${last.id}`, {});
    await expect(current.next(300)).rejects.toThrow(/no event/);
    current.close();
    const bad = await rawRequest(`${url}&lastEventId=x`);
    expect(bad.status).toBe(400);
  });

  it("answers as @lro/client's schema reads it, and its client mints one", async () => {
    const { id } = await startOperation({ durationMs: 300 });
    const minted = await createProxyClient({ baseUrl: `${proxy.url}/v1.0`, apiKey: testApiKey }).streamToken(
      id,
    );
    expect(minted.url).toBe(`${proxy.url}/v1.0/operations/${id}/events?streamToken=${minted.token}`);
    expect(streamTokenSchema.strict().parse((await mint(id)).json())).toMatchObject({
      token: expect.any(String),
    });
    const events = await openEventStream(minted.url, {});
    await events.until(isEnd, 10_000);
    events.close();
  });

  it("refuses an operation the caller does not own (404) and one that does not exist", async () => {
    const { id } = await startOperation({}, otherKey);
    expect((await mint(id)).status).toBe(404);
    expect((await mint("no-such-operation")).status).toBe(404);
    expect((await mint(id, "", otherKey)).status).toBe(200);
  });

  it("needs credentials to mint one: a stream token does not mint another", async () => {
    const { id } = await startOperation();
    const { token } = (await mint(id)).json<{ token: string }>();
    const answer = await rawRequest(`${proxy.url}/operations/${id}/stream-token?streamToken=${token}`, {
      method: "POST",
    });
    expect(answer.status).toBe(401);
    const get = await rawRequest(`${proxy.url}/operations/${id}/stream-token`, { headers: key });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe("POST");
  });

  it("refuses an expired token, another operation's, a tampered one and another key's with 401", async () => {
    const { id } = await startOperation();
    const { id: other } = await startOperation();
    const { token } = (await mint(id)).json<{ token: string }>();
    const owner = (await proxy.store.get(ownerOf(token), id))?.owner;
    expect(owner).toBeDefined();
    const expired = createStreamTokens({
      secret,
      clock: { now: () => Date.now() - 301_000 },
    }).mint(owner!, id).token;
    const [version, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const retargeted = Buffer.from(JSON.stringify({ ...claims, i: other })).toString("base64url");
    const cases: Array<[string, string, RegExp]> = [
      [id, expired, /expired/],
      [other, token, /another operation/],
      [other, `${version}.${retargeted}.${signature}`, /not one this proxy issued/],
      [id, createStreamTokens().mint(owner!, id).token, /not one this proxy issued/],
      [id, "garbage", /not one this proxy issued/],
    ];
    for (const [target, candidate, message] of cases) {
      const answer = await rawRequest(`${proxy.url}/operations/${target}/events?streamToken=${candidate}`, {
        headers: { origin: page },
      });
      expect(answer.status, message.source).toBe(401);
      expect(answer.headers["access-control-allow-origin"]).toBe(page);
      expect(answer.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: "unauthenticated",
        message: expect.stringMatching(message) as string,
      });
    }
    // The same token twice is refused too, rather than one of them read.
    const twice = await rawRequest(
      `${proxy.url}/operations/${id}/events?streamToken=${token}&streamToken=${token}`,
    );
    expect(twice.status).toBe(401);
  });

  it("is not credentials on any other route", async () => {
    const { id } = await startOperation();
    const { token } = (await mint(id)).json<{ token: string }>();
    for (const [method, path] of [
      ["GET", `/operations/${id}`],
      ["HEAD", `/operations/${id}/events`],
      ["GET", `/operations`],
      ["GET", `/operations/events`],
      ["DELETE", `/operations/${id}`],
      ["GET", `/v1.0/operations/${id}`],
      ["GET", `/v1.0/teams/source-team`],
    ]) {
      const answer = await rawRequest(`${proxy.url}${path}?streamToken=${token}`, { method });
      expect(answer.status, `${method} ${path}`).toBe(401);
    }
    // The operation is still there: the DELETE above was refused.
    expect((await rawRequest(`${proxy.url}/operations/${id}`, { headers: key })).status).toBe(200);
  });
});

/** The owner a token names (read from its payload; the test trusts it only to look the record up). */
function ownerOf(token: string): string {
  const payload = token.split(".")[1]!;
  return (JSON.parse(Buffer.from(payload, "base64url").toString()) as { o: string }).o;
}
