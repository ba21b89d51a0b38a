import { describe, expect, it } from "vitest";
import { rawRequest, testApiKey, type TestProxy } from "../lifecycle/test-support/test-proxy.js";
import { useProxiesOnSimulator } from "../lifecycle/test-support/proxies-on-simulator.js";

const key = { "x-api-key": testApiKey };

const servers = useProxiesOnSimulator(
  { defaults: { durationMs: 60_000 } },
  {
    plain: [],
    published: ["--public-url", "https://lro.example.com/graph/"],
    behindFront: ["--trust-proxy", "loopback"],
  },
);

const clone = (proxy: TestProxy, headers: Record<string, string> = {}) =>
  rawRequest(`${proxy.url}/v1.0/teams/source-team/clone`, {
    method: "POST",
    headers: { ...key, "content-type": "application/json", ...headers },
    body: "{}",
  });

describe("the links the proxy writes", () => {
  it("use the listen address, never the request's Host, without --public-url", async () => {
    const started = await clone(servers.plain, { host: "evil.example" });
    expect(started.status).toBe(202);
    expect(started.headers.location).toMatch(new RegExp(`^${servers.plain.url}/v1\\.0/operations/`));
    const page = await rawRequest(`${servers.plain.url}/operations?$top=1`, {
      headers: { ...key, host: "evil.example" },
    });
    await clone(servers.plain);
    const second = await rawRequest(`${servers.plain.url}/operations?$top=1`, {
      headers: { ...key, host: "evil.example" },
    });
    const next = second.json<{ "@odata.nextLink": string }>()["@odata.nextLink"];
    expect(next.startsWith(`${servers.plain.url}/operations?$top=1&$skiptoken=`)).toBe(true);
    expect(JSON.stringify(page.json()) + JSON.stringify(second.json())).not.toContain("evil.example");
  });

  it("start with --public-url, under the prefix the request came through", async () => {
    const started = await clone(servers.published);
    const id = started.json<{ id: string }>().id;
    expect(started.headers.location).toBe(`https://lro.example.com/graph/v1.0/operations/${id}`);
    expect(started.headers["operation-location"]).toBe(started.headers.location);
    await clone(servers.published);
    const page = await rawRequest(`${servers.published.url}/v1.0/operations?$top=1`, { headers: key });
    expect(page.json<{ "@odata.nextLink": string }>()["@odata.nextLink"]).toMatch(
      /^https:\/\/lro\.example\.com\/graph\/v1\.0\/operations\?\$top=1&\$skiptoken=/,
    );
  });

  it("follow X-Forwarded-Proto and -Host only from a proxy --trust-proxy names", async () => {
    const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "front.example" };
    const trusted = await clone(servers.behindFront, forwarded);
    expect(trusted.headers.location).toMatch(/^https:\/\/front\.example\/v1\.0\/operations\//);
    const untrusted = await clone(servers.plain, forwarded);
    expect(untrusted.headers.location).toMatch(new RegExp(`^${servers.plain.url}/v1\\.0/operations/`));
  });
});

describe("the 202 of a taken-over operation", () => {
  it("keeps the upstream's Content-Location (versioned, through the proxy) and request-id (as Upstream-Request-Id)", async () => {
    const started = await clone(servers.plain, { "client-request-id": "mine-1" });
    expect(started.headers["content-location"]).toMatch(
      new RegExp(`^${servers.plain.url}/v1\\.0/teams\\('[\\w-]+'\\)$`),
    );
    expect(started.headers["upstream-request-id"]).toBeDefined();
    expect(started.headers["request-id"]).not.toBe(started.headers["upstream-request-id"]);
    expect(started.headers["client-request-id"]).toBe("mine-1");
    expect(started.headers["upstream-location"]).toMatch(/\/teams\('[\w-]+'\)\/operations\('/);
    expect(started.headers["retry-after"]).toMatch(/^\d+$/);
  });

  it("names an operation the proxy serves under the prefix too, never forwarded upstream", async () => {
    const started = await clone(servers.plain);
    const { id, monitorUrl } = started.json<{ id: string; monitorUrl: string }>();
    const viaPrefix = await rawRequest(started.headers.location as string, { headers: key });
    expect(viaPrefix.status).toBe(200);
    // The proxy's own answer (its wire operation, its ETag), not an upstream one passed through.
    expect(viaPrefix.json()).toMatchObject({ id, monitorUrl });
    expect(viaPrefix.headers.etag).toMatch(/^W\//);
    expect(viaPrefix.headers["upstream-request-id"]).toBeUndefined();
    const topLevel = await rawRequest(`${servers.plain.url}/operations/${id}`, { headers: key });
    expect(topLevel.json()).toMatchObject({ id, monitorUrl });
  });
});

describe("Graph's error conventions", () => {
  it("answers a wrong method with 405 and Allow", async () => {
    const started = await clone(servers.plain);
    const put = await rawRequest(started.headers.location as string, { method: "PUT", headers: key });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe("GET, HEAD, DELETE");
    expect(put.json<{ error: { code: string } }>().error.code).toBe("methodNotAllowed");
    const patch = await rawRequest(`${servers.plain.url}/operations`, { method: "PATCH", headers: key });
    expect(patch.status).toBe(405);
    expect(patch.headers.allow).toBe("GET, HEAD, POST");
  });

  it("answers a body that is not JSON with 415", async () => {
    const answer = await rawRequest(`${servers.plain.url}/operations`, {
      method: "POST",
      headers: { ...key, "content-type": "text/plain" },
      body: "monitorUrl=https://graph.microsoft.com/v1.0/x",
    });
    expect(answer.status).toBe(415);
    expect(answer.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: "unsupportedMediaType",
      message: expect.stringMatching(/application\/json/),
    });
  });

  it("allows $top=0: an empty page", async () => {
    const answer = await rawRequest(`${servers.plain.url}/operations?$top=0`, { headers: key });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ value: [] });
  });
});
