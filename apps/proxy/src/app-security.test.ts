import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { graphErrorEnvelopeSchema } from "./http-errors/graph-error-envelope.js";
import {
  rawRequest,
  startTestProxy,
  testApiKey,
  type TestProxy,
} from "./lifecycle/test-support/test-proxy.js";
import {
  echo,
  startRecordingUpstream,
  type RecordingUpstream,
} from "./upstream/test-support/recording-upstream.js";

let upstream: RecordingUpstream;
let proxy: TestProxy;
let jwks: Server;
let signingKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair("ES256");
  signingKey = pair.privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256" };
  jwks = createServer((_request, response) => response.end(JSON.stringify({ keys: [publicJwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  upstream = await startRecordingUpstream();
  proxy = await startTestProxy(upstream.url, [
    "--jwks-url",
    `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
    "--jwt-issuer",
    "https://issuer.example",
    "--jwt-audience",
    "lro-proxy",
    "--body-limit",
    "1kb",
    "--max-header-size",
    "4kb",
  ]);
});

afterAll(async () => {
  await proxy.close();
  await upstream.close();
  await new Promise((resolve) => jwks.close(resolve));
});

afterEach(() => {
  upstream.received.length = 0;
  upstream.handle(echo);
});

function jwt(audience = "lro-proxy") {
  return new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setIssuer("https://issuer.example")
    .setAudience(audience)
    .setSubject("svc-reporting")
    .setExpirationTime("5m")
    .sign(signingKey);
}

function envelopeOf(answer: { json(): unknown }) {
  return graphErrorEnvelopeSchema.parse(answer.json()).error;
}

describe("authentication", () => {
  it.each([
    ["no credentials", {}, "no credentials for the proxy"],
    ["an unknown API key", { "x-api-key": "not-a-key-of-this-proxy" }, "The API key is not valid"],
    ["only a Graph token", { authorization: "Bearer graph" }, "no credentials for the proxy"],
  ])("answers 401 in Graph's envelope for %s and forwards nothing", async (_name, headers, message) => {
    const answer = await rawRequest(`${proxy.url}/v1.0/me`, { headers });
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toContain("Bearer");
    const error = envelopeOf(answer);
    expect(error.code).toBe("unauthenticated");
    expect(error.message).toContain(message);
    expect(error.innerError["request-id"]).toBe(answer.headers["request-id"]);
    expect(upstream.received).toHaveLength(0);
  });

  it("accepts a JWT in Proxy-Authorization and never forwards it", async () => {
    const token = await jwt();
    const answer = await rawRequest(`${proxy.url}/v1.0/me`, {
      headers: { "proxy-authorization": `Bearer ${token}`, authorization: "Bearer graph" },
    });
    expect(answer.status).toBe(200);
    expect(upstream.received[0]?.headers.authorization).toBe("Bearer graph");
    expect(upstream.received[0]?.rawHeaderNames).not.toContain("proxy-authorization");
  });

  it("refuses a JWT for another audience", async () => {
    const answer = await rawRequest(`${proxy.url}/v1.0/me`, {
      headers: { "proxy-authorization": `Bearer ${await jwt("other")}` },
    });
    expect(answer.status).toBe(401);
    expect(envelopeOf(answer).message).toContain('claim "aud"');
  });

  it("answers 429 to an address after 30 failed attempts in a minute, except to a valid key", async () => {
    const guarded = await startTestProxy(upstream.url);
    try {
      for (let attempt = 0; attempt < 30; attempt += 1) {
        const answer = await rawRequest(`${guarded.url}/v1.0/me`, {
          headers: { "x-api-key": `guess-${attempt}-0123456789abcdef` },
        });
        expect(answer.status).toBe(401);
      }
      const blocked = await rawRequest(`${guarded.url}/v1.0/me`, {
        headers: { "x-api-key": "guess-31-0123456789abcdef" },
      });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
      expect(upstream.received).toHaveLength(0);
      // The same address (one load balancer for many clients): a valid key is never locked out.
      const valid = await rawRequest(`${guarded.url}/v1.0/me`, { headers: { "x-api-key": testApiKey } });
      expect(valid.status).toBe(200);
      expect(upstream.received).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  });

  it("with --trust-proxy, counts failed attempts per client address the proxy in front names", async () => {
    const guarded = await startTestProxy(upstream.url, ["--trust-proxy", "loopback"]);
    try {
      const from = (address: string, key: string) =>
        rawRequest(`${guarded.url}/operations`, {
          headers: { "x-api-key": key, "x-forwarded-for": address },
        });
      for (let attempt = 0; attempt < 30; attempt += 1) {
        expect((await from("203.0.113.7", `guess-${attempt}-0123456789abcdef`)).status).toBe(401);
      }
      expect((await from("203.0.113.7", "guess-x-0123456789abcdef")).status).toBe(429);
      // Another client behind the same proxy is not the guesser: its mistakes are its own.
      expect((await from("203.0.113.8", "typo-0123456789abcdefgh")).status).toBe(401);
      expect((await from("203.0.113.8", testApiKey)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it("serves the health endpoints without credentials, with security headers", async () => {
    const answer = await rawRequest(`${proxy.url}/healthz`);
    expect(answer.status).toBe(200);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["content-security-policy"]).toBeDefined();
    expect(answer.headers["x-powered-by"]).toBeUndefined();
  });
});

describe("limits", () => {
  it("answers 413 for a declared body over the limit without calling the upstream", async () => {
    const answer = await rawRequest(`${proxy.url}/v1.0/me/drive/items/1/content`, {
      method: "PUT",
      headers: { "x-api-key": testApiKey, "content-length": 2048 },
      body: Buffer.alloc(2048),
    });
    expect(answer.status).toBe(413);
    expect(envelopeOf(answer)).toMatchObject({ code: "payloadTooLarge", innerError: { limitBytes: 1024 } });
    expect(envelopeOf(answer).message).toContain("--body-limit");
    expect(upstream.received).toHaveLength(0);
  });

  it("answers 413 for a chunked body that grows over the limit, and the upstream never gets it whole", async () => {
    const answer = await rawRequest(`${proxy.url}/v1.0/me/drive/items/1/content`, {
      method: "PUT",
      headers: { "x-api-key": testApiKey },
      body: [Buffer.alloc(600), Buffer.alloc(600)],
    });
    expect(answer.status).toBe(413);
    expect(envelopeOf(answer).code).toBe("payloadTooLarge");
    expect(upstream.received).toHaveLength(0);
  });

  it("answers 431 in Graph's envelope for headers over the limit", async () => {
    const answer = await rawRequest(`${proxy.url}/v1.0/me`, {
      headers: { "x-api-key": testApiKey, "x-padding": "p".repeat(5000) },
    });
    expect(answer.status).toBe(431);
    const error = envelopeOf(answer);
    expect(error.code).toBe("requestHeaderFieldsTooLarge");
    expect(error.message).toContain("4096 bytes (setting --max-header-size)");
    expect(upstream.received).toHaveLength(0);
  });

  it("answers 429 with Retry-After past the request rate of an identity, and only for that identity", async () => {
    const limited = await startTestProxy(upstream.url, [
      "--rate-limit",
      "2",
      "--rate-limit-window",
      "1h",
      "--api-key",
      "second-client-key-0123456789",
    ]);
    try {
      const call = (key: string) => rawRequest(`${limited.url}/v1.0/me`, { headers: { "x-api-key": key } });
      expect((await call(testApiKey)).status).toBe(200);
      expect((await call(testApiKey)).status).toBe(200);
      const refused = await call(testApiKey);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers["retry-after"])).toBe(1800);
      expect(envelopeOf(refused)).toMatchObject({
        code: "tooManyRequests",
        innerError: { retryAfterSeconds: 1800 },
      });
      expect((await call("second-client-key-0123456789")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("request ids", () => {
  it("answers its own request-id, echoes the client's client-request-id and logs both", async () => {
    const answer = await rawRequest(`${proxy.url}/healthz`, {
      headers: { "client-request-id": "client-chosen-id-42", "request-id": "forged-id-7" },
    });
    const requestId = answer.headers["request-id"] as string;
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(answer.headers["client-request-id"]).toBe("client-chosen-id-42");
    expect(proxy.logs()).toContain(`"requestId":"${requestId}","clientRequestId":"client-chosen-id-42"`);
    const failed = await rawRequest(`${proxy.url}/operations/none`, {
      headers: { "x-api-key": testApiKey, "client-request-id": "client-chosen-id-43" },
    });
    expect(failed.headers["client-request-id"]).toBe("client-chosen-id-43");
    expect(failed.json<{ error: { innerError: Record<string, string> } }>().error.innerError).toMatchObject({
      "request-id": failed.headers["request-id"],
      "client-request-id": "client-chosen-id-43",
    });
  });

  it("makes its own id when the client's is not a sane token", async () => {
    const answer = await rawRequest(`${proxy.url}/healthz`, {
      headers: { "client-request-id": "bad id\twith spaces" },
    });
    expect(answer.headers["request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe("logs", () => {
  it("never contain a token, an API key or a JWT", async () => {
    const token = await jwt();
    const graphToken = "eyJ0eXAiOiJKV1QiLCJub25jZSI6IlNFQ1JFVC1HUkFQSC1UT0tFTiJ9.secret-graph-token";
    await rawRequest(`${proxy.url}/v1.0/me?access_token=query-secret`, {
      headers: { "x-api-key": testApiKey, authorization: `Bearer ${graphToken}` },
    });
    await rawRequest(`${proxy.url}/v1.0/me`, {
      headers: { "proxy-authorization": `Bearer ${token}`, authorization: `Bearer ${graphToken}` },
    });
    await rawRequest(`${proxy.url}/v1.0/me`, {
      headers: { "x-api-key": `${testApiKey}-wrong`, authorization: `Bearer ${graphToken}` },
    });
    upstream.handle((_request, response) => response.socket?.destroy());
    await rawRequest(`${proxy.url}/v1.0/me`, {
      headers: { "x-api-key": testApiKey, authorization: `Bearer ${graphToken}` },
    });
    const logs = proxy.logs();
    expect(logs).toContain('"msg":"request"');
    for (const secret of [graphToken, "secret-graph-token", token, testApiKey, "query-secret"]) {
      expect(logs).not.toContain(secret);
    }
  });
});
