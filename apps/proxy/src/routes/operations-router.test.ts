import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeSkipToken } from "../wire/skip-token.js";
import { statusNotes } from "../tracking/status-notes.js";
import {
  alice,
  bob,
  ended,
  reaches,
  startHarness,
  type Harness,
} from "../tracking/test-support/tracking-harness.js";
import { rawRequest } from "../lifecycle/test-support/test-proxy.js";
import { deleteNote } from "./operations-router.js";

// Real servers and real polls: generous under a loaded machine; each test still ends within about a second.
vi.setConfig({ testTimeout: 20_000 });

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});

async function call(
  method: string,
  path: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${harness.url}${path}`, {
    method,
    headers: {
      ...(options.key === undefined ? {} : { "x-api-key": options.key }),
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      ...options.headers,
    },
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text === "" ? undefined : JSON.parse(text),
  };
}

async function adopt(
  key: string,
  scenario: Record<string, unknown> = { durationMs: 150 },
  path = "/v1.0/teams/t1/clone",
) {
  const { monitorUrl } = await harness.startUpstream(path, scenario);
  const answer = await call("POST", "/operations", { key, body: { monitorUrl } });
  expect(answer.status).toBe(202);
  return answer.json as { id: string; version: number };
}

describe("POST /operations", () => {
  it("adopts a monitor the client holds: 202, Location, Retry-After and the operation", async () => {
    const { monitorUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", { durationMs: 150 });
    const answer = await call("POST", "/operations", {
      key: alice.apiKey,
      body: { monitorUrl },
      headers: { authorization: "Bearer graph" },
    });
    expect(answer.status).toBe(202);
    expect(answer.headers.get("location")).toBe(`${harness.url}/operations/${answer.json.id}`);
    expect(answer.headers.get("operation-location")).toBe(answer.headers.get("location"));
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(answer.json).toMatchObject({ status: "notStarted", monitorUrl, upstreamStatus: "notStarted" });
    expect(answer.json.version).toBeGreaterThan(0);
    const record = await harness.store.get(alice.owner, answer.json.id);
    expect(record?.tokenOrigin).toBe(harness.simulator.url);
    expect(JSON.stringify(record)).not.toContain("Bearer graph");
  });

  it.each([
    [undefined, /monitorUrl/],
    [{}, /monitorUrl/],
    [{ monitorUrl: "not a url" }, /monitorUrl must be an absolute http\(s\) URL/],
    [{ monitorUrl: "file:///etc/passwd" }, /monitorUrl must be an absolute http\(s\) URL/],
    [{ monitorUrl: "https://graph.microsoft.com/v1.0/x", extra: 1 }, /Unrecognized key.*extra/i],
    [
      { monitorUrl: "https://graph.microsoft.com/v1.0/x", notificationUrl: "nope" },
      /notificationUrl must be/,
    ],
    [{ monitorUrl: "https://graph.microsoft.com/v1.0/x", kind: "copy" }, /kind/],
  ])("answers 400 to the body %j, naming the problem", async (body, message) => {
    const answer = await call("POST", "/operations", {
      key: alice.apiKey,
      ...(body === undefined ? {} : { body }),
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({
      code: "invalidRequest",
      message: expect.stringMatching(message),
    });
  });

  it("answers 400 to a body that is not JSON", async () => {
    const answer = await call("POST", "/operations", { key: alice.apiKey, body: "{not json" });
    expect(answer.status).toBe(400);
  });

  it("refuses monitors and notification addresses off the egress allow-list with 403", async () => {
    for (const body of [
      { monitorUrl: "http://169.254.169.254/latest/meta-data/iam" },
      { monitorUrl: "https://evil.example.com/monitor" },
      {
        monitorUrl: `${harness.simulator.url}/v1.0/teams/t/operations/o`,
        notificationUrl: "http://10.0.0.1/hook",
      },
    ]) {
      const answer = await call("POST", "/operations", { key: alice.apiKey, body });
      expect(answer.status).toBe(403);
      expect(answer.json.error.code).toBe("egressDenied");
    }
    expect(await harness.store.countActive(alice.owner)).toBe(0);
  });

  it("answers 401 without credentials", async () => {
    const answer = await call("POST", "/operations", {
      body: { monitorUrl: "https://graph.microsoft.com/v1.0/x" },
    });
    expect(answer.status).toBe(401);
  });
});

describe("GET /operations/{id}", () => {
  it("answers the operation to its owner and 404 to anyone else", async () => {
    const { id } = await adopt(alice.apiKey, { durationMs: 5000 });
    const mine = await call("GET", `/operations/${id}`, { key: alice.apiKey });
    expect(mine.status).toBe(200);
    expect(mine.json.id).toBe(id);
    expect(mine.headers.get("retry-after")).toMatch(/^\d+$/);
    const theirs = await call("GET", `/operations/${id}`, { key: bob.apiKey });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error).toMatchObject({
      code: "itemNotFound",
      innerError: { "request-id": expect.any(String) },
    });
    expect((await call("GET", `/operations/${id}?wait=5`, { key: bob.apiKey })).status).toBe(404);
    expect(
      (await call("GET", "/operations/00000000-0000-4000-8000-000000000000", { key: alice.apiKey })).status,
    ).toBe(404);
  });

  it("with Prefer: wait=N answers as soon as the operation ends", async () => {
    const { id } = await adopt(alice.apiKey, { durationMs: 300 });
    const started = Date.now();
    const answer = await call("GET", `/operations/${id}`, {
      key: alice.apiKey,
      headers: { prefer: "wait=20" },
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer.headers.get("preference-applied")).toBe("wait=20");
    expect(answer.json.status).toBe("succeeded");
    const expires = Date.parse(answer.headers.get("expires") ?? "");
    expect(expires - Date.now()).toBeGreaterThan(3_500_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(3_600_000);
  });

  it("with ?wait=N answers after N seconds when the operation is still running, capped at the maximum", async () => {
    const { id } = await adopt(alice.apiKey, { durationMs: 60_000 });
    const started = Date.now();
    const answer = await call("GET", `/operations/${id}?wait=1`, { key: alice.apiKey });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(answer.headers.get("preference-applied")).toBe("wait=1");
    expect(answer.json.status).toBe("running");
    expect(answer.headers.get("expires")).toBeNull();
    const capped = await call("GET", `/operations/${id}?wait=0`, {
      key: alice.apiKey,
      headers: { prefer: "wait=999" },
    });
    expect(capped.headers.get("preference-applied")).toBe("wait=0");
  });

  it("answers at once for a finished operation and 400 for a malformed wait", async () => {
    const { id } = await adopt(alice.apiKey, { durationMs: 50 });
    await ended(harness, alice.owner, id);
    const answer = await call("GET", `/operations/${id}?wait=30`, { key: alice.apiKey });
    expect(answer.json.status).toBe("succeeded");
    const bad = await call("GET", `/operations/${id}?wait=soon`, { key: alice.apiKey });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/wait must be a whole number of seconds/);
  });

  it("answers Retry-After: 1 while a poll of the operation is under way", async () => {
    // Every poll takes 1.5 s upstream; the first one starts as soon as the operation is adopted.
    const { id } = await adopt(alice.apiKey, { durationMs: 60_000, slow: { delayMs: 1500 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = await call("GET", `/operations/${id}`, { key: alice.apiKey });
    expect(during.status).toBe(200);
    expect(during.headers.get("retry-after")).toBe("1");
  });

  it("tags the operation with an ETag: a new one when it changes, 304 to a matching If-None-Match, HEAD without a body", async () => {
    const { id } = await adopt(alice.apiKey, { durationMs: 200 });
    const running = await call("GET", `/operations/${id}`, { key: alice.apiKey });
    const runningTag = running.headers.get("etag") ?? "";
    expect(runningTag).toMatch(/^W\/"[0-9a-f]+-[\w+/]{27}"$/);

    await ended(harness, alice.owner, id);
    const finished = await call("GET", `/operations/${id}`, {
      key: alice.apiKey,
      headers: { "if-none-match": runningTag },
    });
    expect(finished.status).toBe(200);
    expect(finished.json).toMatchObject({ id, status: "succeeded" });
    expect(finished.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(Number(finished.headers.get("content-length"))).toBe(
      Buffer.byteLength(JSON.stringify(finished.json)),
    );
    const finishedTag = finished.headers.get("etag") ?? "";
    expect(finishedTag).not.toBe(runningTag);

    // node:http, not fetch: fetch adds `Cache-Control: no-cache` to a conditional request.
    const unchanged = await rawRequest(`${harness.url}/operations/${id}`, {
      headers: { "x-api-key": alice.apiKey, "if-none-match": finishedTag },
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.length).toBe(0);
    expect(unchanged.headers.etag).toBe(finishedTag);
    expect(unchanged.headers.expires).toBeDefined();
    const another = await rawRequest(`${harness.url}/operations/${id}`, {
      headers: { "x-api-key": alice.apiKey, "if-none-match": runningTag },
    });
    expect(another.status).toBe(200);
    expect(another.json()).toEqual(finished.json);

    const head = await rawRequest(`${harness.url}/operations/${id}`, {
      method: "HEAD",
      headers: { "x-api-key": alice.apiKey },
    });
    expect(head.status).toBe(200);
    expect(head.headers.etag).toBe(finishedTag);
    expect(head.headers["content-length"]).toBe(finished.headers.get("content-length"));
    expect(head.body.length).toBe(0);
  });

  it.each(["GET", "DELETE"])(
    "answers %s on an id that is not valid percent-encoding with 400",
    async (method) => {
      const answer = await call(method, "/operations/%E0%A4%A", { key: alice.apiKey });
      expect(answer.status).toBe(400);
      expect(answer.json.error).toMatchObject({ code: "invalidRequest" });
      expect(answer.json.error.message).toMatch(/percent-encoding/);
    },
  );
});

describe("an operation waiting for a token after a restart", () => {
  it("resumes when its owner's GET of it brings an Authorization header, as its statusDetail says", async () => {
    const { monitorUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", { durationMs: 300 });
    const adopted = await call("POST", "/operations", {
      key: alice.apiKey,
      body: { monitorUrl },
      headers: { authorization: "Bearer graph-token" },
    });
    const { id } = adopted.json as { id: string };
    await harness.restart();
    await reaches(harness, alice.owner, id, (record) => record.awaitingAuthorization);
    const waiting = await call("GET", `/operations/${id}`, { key: alice.apiKey });
    expect(waiting.json.statusDetail).toBe(statusNotes.awaitingToken);

    // Another identity's token resumes nothing of alice's.
    await call("GET", "/operations", { key: bob.apiKey, headers: { authorization: "Bearer bob-token" } });
    expect((await harness.store.get(alice.owner, id))?.awaitingAuthorization).toBe(true);

    await call("GET", `/operations/${id}`, {
      key: alice.apiKey,
      headers: { authorization: "Bearer fresh-graph-token" },
    });
    expect(await ended(harness, alice.owner, id)).toMatchObject({ operation: { status: "succeeded" } });
  });
});

describe("DELETE /operations/{id}", () => {
  it("forgets the operation with 204 and says the upstream work goes on", async () => {
    const { id } = await adopt(alice.apiKey, { durationMs: 5000 });
    expect((await call("DELETE", `/operations/${id}`, { key: bob.apiKey })).status).toBe(404);
    expect((await call("GET", `/operations/${id}`, { key: alice.apiKey })).status).toBe(200);
    const answer = await call("DELETE", `/operations/${id}`, { key: alice.apiKey });
    expect(answer.status).toBe(204);
    expect(answer.headers.get("x-operation-note")).toBe(deleteNote);
    expect(answer.headers.get("x-operation-note")).toMatch(/no cancel.*goes on upstream/);
    expect((await call("GET", `/operations/${id}`, { key: alice.apiKey })).status).toBe(404);
    expect((await call("DELETE", `/operations/${id}`, { key: alice.apiKey })).status).toBe(404);
    expect(await harness.store.countActive(alice.owner)).toBe(0);
  });

  it("ends a wait on an operation deleted meanwhile with 404", async () => {
    const { id } = await adopt(alice.apiKey, { durationMs: 60_000 });
    const subscriptions = harness.tracker.changes.size;
    const waiting = call("GET", `/operations/${id}?wait=20`, { key: alice.apiKey });
    while (harness.tracker.changes.size === subscriptions)
      await new Promise((resolve) => setImmediate(resolve));
    await call("DELETE", `/operations/${id}`, { key: alice.apiKey });
    expect((await waiting).status).toBe(404);
  });
});

describe("GET /operations", () => {
  it("lists the caller's operations newest first, in pages linked by @odata.nextLink", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1)
      ids.push((await adopt(alice.apiKey, { durationMs: 60_000 })).id);
    await adopt(bob.apiKey, { durationMs: 60_000 });
    const seen: string[] = [];
    let next: string | undefined = `/operations?$top=2`;
    let pages = 0;
    while (next !== undefined) {
      const answer = await call("GET", next.replace(harness.url, ""), { key: alice.apiKey });
      expect(answer.status).toBe(200);
      pages += 1;
      seen.push(...answer.json.value.map((operation: { id: string }) => operation.id));
      next = answer.json["@odata.nextLink"];
      if (next !== undefined) {
        expect(next.startsWith(`${harness.url}/operations?$top=2&$skiptoken=`)).toBe(true);
        expect(() =>
          decodeSkipToken(new URL(next as string).searchParams.get("$skiptoken") ?? ""),
        ).not.toThrow();
      }
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    const theirs = await call("GET", "/operations", { key: bob.apiKey });
    expect(theirs.json.value).toHaveLength(1);
    expect(ids).not.toContain(theirs.json.value[0].id);
  });

  it("filters on status, kind and createdDateTime, carrying the filter into the next link", async () => {
    const finished = await adopt(alice.apiKey, { durationMs: 50 });
    await ended(harness, alice.owner, finished.id);
    const running = await adopt(alice.apiKey, { durationMs: 60_000 });
    const copying = await adopt(alice.apiKey, { durationMs: 60_000 }, "/v1.0/print/printers/create");
    const list = async (filter: string, top = 10) => {
      const answer = await call("GET", `/operations?$top=${top}&$filter=${encodeURIComponent(filter)}`, {
        key: alice.apiKey,
      });
      expect(answer.status).toBe(200);
      return answer.json as { value: { id: string }[]; "@odata.nextLink"?: string };
    };
    expect((await list("status eq 'succeeded'")).value.map((operation) => operation.id)).toEqual([
      finished.id,
    ]);
    expect((await list("status ne 'succeeded'")).value.map((operation) => operation.id)).toEqual([
      copying.id,
      running.id,
    ]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list(`createdDateTime ge ${future}`)).value).toEqual([]);
    expect((await list("createdDateTime ge 2020-01-01T00:00:00Z")).value).toHaveLength(3);
    const paged = await list("status in ('notStarted','running','succeeded')", 1);
    expect(paged["@odata.nextLink"]).toContain(
      `$filter=${encodeURIComponent("status in ('notStarted','running','succeeded')")}`,
    );
  });

  it.each([
    ["$orderby=createdDateTime", /\$orderby is not supported/],
    ["$top=1001", /\$top must be a whole number from 0 to 1000/],
    ["$skiptoken=garbage!", /\$skiptoken is not one this proxy issued/],
    [`$filter=${encodeURIComponent("percentageComplete gt 50")}`, /expected status, kind or createdDateTime/],
    [`$filter=${encodeURIComponent("status eq 'done'")}`, /'done' is not a status/],
  ])("answers 400 to ?%s, saying what is supported", async (query, message) => {
    const answer = await call("GET", `/operations?${query}`, { key: alice.apiKey });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({
      code: "invalidRequest",
      message: expect.stringMatching(message),
    });
  });
});
