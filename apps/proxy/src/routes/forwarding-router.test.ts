import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { graphErrorEnvelopeSchema } from "../http-errors/graph-error-envelope.js";
import {
  rawRequest,
  startTestProxy,
  testApiKey,
  type TestProxy,
} from "../lifecycle/test-support/test-proxy.js";
import {
  echo,
  startRecordingUpstream,
  type RecordingUpstream,
} from "../upstream/test-support/recording-upstream.js";

let upstream: RecordingUpstream;
let proxy: TestProxy;
const authenticated = { "x-api-key": testApiKey };

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  proxy = await startTestProxy(upstream.url);
});

afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

afterEach(() => {
  upstream.received.length = 0;
  upstream.handle(echo);
});

describe("forwarding a request", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])(
    "forwards %s with its path, query and body",
    async (method) => {
      const body = method === "GET" || method === "OPTIONS" ? undefined : `{"name":"${method}"}`;
      const answer = await rawRequest(`${proxy.url}/v1.0/drives/b!x/items/01AB?$select=id,name&$top=5`, {
        method,
        headers: {
          ...authenticated,
          "content-type": "application/json",
          ...(body === undefined ? {} : { "content-length": Buffer.byteLength(body) }),
        },
        ...(body === undefined ? {} : { body }),
      });
      expect(answer.status).toBe(200);
      const [received] = upstream.received;
      expect(received).toMatchObject({ method, url: "/v1.0/drives/b!x/items/01AB?$select=id,name&$top=5" });
      expect(received?.body.toString()).toBe(body ?? "");
    },
  );

  it("forwards HEAD and answers without a body", async () => {
    upstream.handle((_request, response) => {
      response.setHeader("x-item-size", "42");
      response.end();
    });
    const answer = await rawRequest(`${proxy.url}/beta/me`, { method: "HEAD", headers: authenticated });
    expect(answer.status).toBe(200);
    expect(answer.headers["x-item-size"]).toBe("42");
    expect(upstream.received[0]).toMatchObject({ method: "HEAD", url: "/beta/me" });
  });

  it("forwards Authorization, Prefer, client-request-id and other end-to-end headers", async () => {
    await rawRequest(`${proxy.url}/v1.0/me`, {
      headers: {
        ...authenticated,
        authorization: "Bearer graph-token",
        prefer: "respond-async, include-unknown-enum-members",
        "client-request-id": "0f6e1f5c-client",
        "if-match": '"etag-1"',
        "x-simulator-scenario": '{"durationMs":10}',
        "accept-language": "fr",
      },
    });
    expect(upstream.received[0]?.headers).toMatchObject({
      authorization: "Bearer graph-token",
      prefer: "respond-async, include-unknown-enum-members",
      "client-request-id": "0f6e1f5c-client",
      "if-match": '"etag-1"',
      "x-simulator-scenario": '{"durationMs":10}',
      "accept-language": "fr",
      host: new URL(upstream.url).host,
    });
  });

  it("sends its request id upstream as client-request-id when the client sent none, and answers it", async () => {
    const answer = await rawRequest(`${proxy.url}/v1.0/me`, { headers: authenticated });
    const requestId = answer.headers["request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(upstream.received[0]?.headers["client-request-id"]).toBe(requestId);
  });

  it("drops hop-by-hop headers and the proxy's own credentials", async () => {
    await rawRequest(`${proxy.url}/v1.0/me`, {
      headers: {
        ...authenticated,
        connection: "keep-alive, x-hop-named",
        "keep-alive": "timeout=5",
        "x-hop-named": "must not pass",
        te: "trailers",
        trailer: "x-checksum",
        "proxy-connection": "keep-alive",
        "x-notification-url": "https://hooks.example/done",
        "x-end-to-end": "passes",
      },
      method: "POST",
      body: [Buffer.from("chunked "), Buffer.from("body")],
    });
    const names = upstream.received[0]?.rawHeaderNames ?? [];
    for (const name of [
      "keep-alive",
      "x-hop-named",
      "te",
      "trailer",
      "proxy-connection",
      "x-api-key",
      "x-notification-url",
    ]) {
      expect(names).not.toContain(name);
    }
    expect(upstream.received[0]?.headers.connection).not.toContain("x-hop-named");
    expect(upstream.received[0]?.headers["x-end-to-end"]).toBe("passes");
    expect(upstream.received[0]?.body.toString()).toBe("chunked body");
  });

  it("streams a large chunked request body through unchanged", async () => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    const chunks = Array.from({ length: 32 }, (_value, index) =>
      Buffer.from(chunk.map(() => 97 + (index % 26))),
    );
    const answer = await rawRequest(`${proxy.url}/v1.0/me/drive/root:/big.bin:/content`, {
      method: "PUT",
      headers: { ...authenticated, "content-type": "application/octet-stream" },
      body: chunks,
    });
    expect(answer.status).toBe(200);
    expect(upstream.received[0]?.body.equals(Buffer.concat(chunks))).toBe(true);
  });
});

describe("passing an answer through", () => {
  it.each([201, 204, 304, 400, 404, 409, 429, 500, 503])(
    "keeps status %i, headers and body",
    async (status) => {
      const body =
        status === 204 || status === 304
          ? ""
          : JSON.stringify({ error: { code: `code${status}`, message: "m" } });
      upstream.handle((_request, response) => {
        response.statusCode = status;
        response.setHeader("content-type", "application/json");
        response.setHeader("retry-after", "7");
        response.setHeader("request-id", "graph-request-id");
        response.setHeader("set-cookie", ["a=1", "b=2"]);
        response.setHeader("x-ms-ags-diagnostic", '{"ServerInfo":{}}');
        response.end(body);
      });
      const answer = await rawRequest(`${proxy.url}/v1.0/me`, { headers: authenticated });
      expect(answer.status).toBe(status);
      expect(answer.body.toString()).toBe(body);
      if (status !== 204 && status !== 304) expect(answer.headers["content-type"]).toBe("application/json");
      expect(answer.headers).toMatchObject({
        "retry-after": "7",
        "upstream-request-id": "graph-request-id",
        "set-cookie": ["a=1", "b=2"],
        "x-ms-ags-diagnostic": '{"ServerInfo":{}}',
      });
    },
  );

  it("adds none of its own security headers to a forwarded answer", async () => {
    const answer = await rawRequest(`${proxy.url}/v1.0/me`, { headers: authenticated });
    expect(answer.headers["content-security-policy"]).toBeUndefined();
    expect(answer.headers["x-powered-by"]).toBeUndefined();
  });

  it("drops the upstream's hop-by-hop headers", async () => {
    upstream.handle((_request, response) => {
      response.setHeader("connection", "keep-alive, x-upstream-hop");
      response.setHeader("x-upstream-hop", "hidden");
      response.setHeader("keep-alive", "timeout=99");
      response.setHeader("proxy-authenticate", "Basic");
      response.end("ok");
    });
    const answer = await rawRequest(`${proxy.url}/v1.0/me`, { headers: authenticated });
    expect(answer.body.toString()).toBe("ok");
    expect(answer.headers["x-upstream-hop"]).toBeUndefined();
    expect(answer.headers["proxy-authenticate"]).toBeUndefined();
    expect(answer.headers["keep-alive"]).not.toBe("timeout=99");
  });

  it("streams a large chunked answer through unchanged", async () => {
    const parts = Array.from({ length: 40 }, (_value, index) => Buffer.alloc(50_000, 65 + (index % 26)));
    upstream.handle((_request, response) => {
      response.setHeader("content-type", "application/octet-stream");
      for (const part of parts) response.write(part);
      response.end();
    });
    const answer = await rawRequest(`${proxy.url}/v1.0/me/drive/items/1/content`, { headers: authenticated });
    expect(answer.body.equals(Buffer.concat(parts))).toBe(true);
  });

  it("passes a redirect through unchanged and never follows it, even to a blocked address", async () => {
    upstream.handle((_request, response) => {
      response.statusCode = 302;
      response.setHeader("location", "http://169.254.169.254/latest/meta-data/");
      response.end();
    });
    const answer = await rawRequest(`${proxy.url}/v1.0/me/drive/items/1/content`, { headers: authenticated });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("http://169.254.169.254/latest/meta-data/");
    expect(upstream.received).toHaveLength(1);
  });

  it("answers 502 in Graph's envelope when the upstream breaks the connection", async () => {
    upstream.handle((_request, response) => response.socket?.destroy());
    const answer = await rawRequest(`${proxy.url}/v1.0/me`, { headers: authenticated });
    expect(answer.status).toBe(502);
    expect(graphErrorEnvelopeSchema.parse(answer.json()).error.code).toBe("badGateway");
  });
});

describe("an upstream answer that breaks midway", () => {
  it("cuts the client's connection too, and the proxy goes on serving", async () => {
    upstream.handle((_request, response) => {
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": "100000" });
      response.write(Buffer.alloc(1000), () => response.socket?.destroy());
    });
    await expect(
      rawRequest(`${proxy.url}/v1.0/me/drive/items/1/content`, { headers: authenticated }),
    ).rejects.toThrow();
    upstream.handle(echo);
    expect((await rawRequest(`${proxy.url}/v1.0/me`, { headers: authenticated })).status).toBe(200);
  });
});

describe("what is not forwarded", () => {
  it("answers a JSON 404 for a path outside the prefixes", async () => {
    const answer = await rawRequest(`${proxy.url}/v2.0/me`, { headers: authenticated });
    expect(answer.status).toBe(404);
    expect(graphErrorEnvelopeSchema.parse(answer.json()).error.code).toBe("itemNotFound");
    expect(upstream.received).toHaveLength(0);
  });

  it("answers 504 when the upstream does not answer in time", async () => {
    const slow = await startTestProxy(upstream.url, ["--upstream-timeout", "200ms"]);
    upstream.handle(() => undefined);
    try {
      const answer = await rawRequest(`${slow.url}/v1.0/me`, { headers: authenticated });
      expect(answer.status).toBe(504);
      const envelope = graphErrorEnvelopeSchema.parse(answer.json());
      expect(envelope.error.code).toBe("gatewayTimeout");
      expect(envelope.error.innerError["request-id"]).toBe(answer.headers["request-id"]);
    } finally {
      await slow.close();
    }
  });
});
