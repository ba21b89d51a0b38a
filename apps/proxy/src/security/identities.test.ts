import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config.js";
import { AuthenticationError } from "../http-errors/authentication-error.js";
import { createIdentities, type Identities } from "./identities.js";

const key = "0123456789abcdef0123456789abcdef";
const otherKey = "fedcba9876543210fedcba9876543210";

let jwksServer: Server;
let jwksUrl: string;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let publicJwk: JWK;
let identities: Identities;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  jwksServer = createServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/keys`;
  identities = createIdentities(
    parseConfig({
      argv: [
        "--api-key",
        key,
        "--api-key",
        otherKey,
        "--jwks-url",
        jwksUrl,
        "--jwt-issuer",
        "https://issuer.example",
        "--jwt-audience",
        "lro-proxy",
      ],
    }),
  );
});

afterAll(async () => {
  await new Promise((resolve) => jwksServer.close(resolve));
});

function token(
  options: {
    issuer?: string;
    audience?: string;
    subject?: string | null;
    expiresIn?: string | null;
    key?: CryptoKey;
  } = {},
) {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid: "test-key" })
    .setIssuer(options.issuer ?? "https://issuer.example")
    .setAudience(options.audience ?? "lro-proxy")
    .setIssuedAt();
  if (options.expiresIn !== null) jwt.setExpirationTime(options.expiresIn ?? "5m");
  if (options.subject !== null) jwt.setSubject(options.subject ?? "user-1");
  return jwt.sign(options.key ?? signingKey);
}

/** A token with `alg: none` and no signature, claims otherwise valid. */
async function unsigned(): Promise<string> {
  const [, payload] = (await token()).split(".");
  const header = Buffer.from(JSON.stringify({ alg: "none", kid: "test-key" })).toString("base64url");
  return `${header}.${payload}.`;
}

/** The algorithm-confusion forgery: HMAC-signed with the published public key as the shared secret. */
async function signedWithPublicKey(): Promise<string> {
  const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", kid: "test-key" })
    .setIssuer("https://issuer.example")
    .setAudience("lro-proxy")
    .setSubject("user-1")
    .setExpirationTime("5m")
    .sign(secret);
}

async function rejection(credentials: Parameters<Identities["authenticate"]>[0]): Promise<string> {
  const error = await identities.authenticate(credentials).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!AuthenticationError.isInstance(error))
    throw new Error(`expected an AuthenticationError, got ${String(error)}`);
  return error.message;
}

describe("API keys", () => {
  it("maps each key to its own stable identity", async () => {
    const first = await identities.authenticate({ apiKey: key });
    const second = await identities.authenticate({ apiKey: otherKey });
    expect(first.method).toBe("api-key");
    expect(first.id).not.toBe(second.id);
    expect(await identities.authenticate({ apiKey: key })).toEqual(first);
    expect(first.id).not.toContain(key);
  });

  it("refuses an unknown key and a missing one", async () => {
    expect(await rejection({ apiKey: `${key}x` })).toContain("The API key is not valid");
    expect(await rejection({})).toContain("no credentials for the proxy");
  });
});

describe("JWTs", () => {
  it("accepts a valid token and owns operations by its subject", async () => {
    expect(await identities.authenticate({ proxyAuthorization: `Bearer ${await token()}` })).toEqual({
      id: "jwt-user-1",
      method: "jwt",
    });
  });

  it.each([
    ["expired", () => token({ expiresIn: "-1m" }), "it has expired"],
    ["for another audience", () => token({ audience: "someone-else" }), 'claim "aud"'],
    ["from another issuer", () => token({ issuer: "https://evil.example" }), 'claim "iss"'],
    ["signed by a stranger", () => token({ key: strangerKey }), "signature does not verify"],
    ["without a subject", () => token({ subject: null }), "no subject"],
    ["malformed", async () => "not-a-jwt", "The JWT is not accepted"],
    ["without an expiry", () => token({ expiresIn: null }), 'claim "exp"'],
    ["that is unsigned (alg none)", () => unsigned(), "The JWT is not accepted"],
    ["signed with HS256 and the public key as its secret", () => signedWithPublicKey(), "not accepted"],
  ])("refuses a token %s", async (_name, make, message) => {
    expect(await rejection({ proxyAuthorization: `Bearer ${await make()}` })).toContain(message);
  });

  it("refuses a Proxy-Authorization that is not a bearer token", async () => {
    expect(await rejection({ proxyAuthorization: "Basic dXNlcjpwYXNz" })).toContain('must be "Bearer <JWT>"');
  });

  it("refuses JWTs when only API keys are configured", async () => {
    const keysOnly = createIdentities(parseConfig({ argv: ["--api-key", key] }));
    await expect(keysOnly.authenticate({ proxyAuthorization: `Bearer ${await token()}` })).rejects.toThrow(
      "does not accept JWTs",
    );
  });
});
