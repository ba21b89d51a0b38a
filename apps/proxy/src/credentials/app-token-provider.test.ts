import { readFileSync } from "node:fs";
import { getCACertificates, setDefaultCACertificates } from "node:tls";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../observability/logger.js";
import { createAppTokenProvider, type AppTokenProvider } from "./app-token-provider.js";
import {
  appCredentialPath,
  fakeTlsCertificatePath,
  startFakeTokenEndpoint,
  type FakeTokenEndpoint,
} from "./test-support/fake-token-endpoint.js";

const tenant = "contoso.example";
const clientId = "11111111-2222-3333-4444-555555555555";
const logger = createLogger({ level: "silent" });
let endpoint: FakeTokenEndpoint | undefined;
let provider: AppTokenProvider | undefined;

beforeAll(() => {
  // The fake signs in over HTTPS with a certificate of its own: this process trusts it, as an operator's
  // NODE_EXTRA_CA_CERTS would.
  setDefaultCACertificates([...getCACertificates("default"), readFileSync(fakeTlsCertificatePath, "utf8")]);
});

afterEach(async () => {
  provider?.close();
  await endpoint?.close();
});

describe("app-only Graph credentials (client-credentials flow through MSAL)", () => {
  it("gets a token with a client secret, serves it, and renews it when a monitor refused it", async () => {
    endpoint = await startFakeTokenEndpoint({ tenant, clientId, clientSecret: "s3cret-value" });
    provider = createAppTokenProvider(
      {
        tenantId: tenant,
        clientId,
        clientSecret: "s3cret-value",
        authorityHost: new URL(endpoint.url),
        scope: "https://graph.microsoft.com/.default",
      },
      { logger },
    );
    expect(provider.current()).toBeUndefined();
    await provider.start();
    expect(endpoint.issued).toHaveLength(1);
    const first = provider.current();
    expect(first).toBe(`Bearer ${endpoint.issued[0]}`);

    const renewed = await provider.renew(first!);
    expect(endpoint.issued).toHaveLength(2);
    expect(renewed).toBe(`Bearer ${endpoint.issued[1]}`);
    expect(provider.current()).toBe(renewed);
    // A refusal of a token already replaced gets the current one, without asking again.
    expect(await provider.renew(first!)).toBe(renewed);
    expect(endpoint.issued).toHaveLength(2);
  });

  it("gets a token with a certificate (a signed client assertion)", async () => {
    const certificatePem = readFileSync(appCredentialPath, "utf8");
    endpoint = await startFakeTokenEndpoint({ tenant, clientId, certificatePem });
    provider = createAppTokenProvider(
      {
        tenantId: tenant,
        clientId,
        certificatePem,
        authorityHost: new URL(endpoint.url),
        scope: "https://graph.microsoft.com/.default",
      },
      { logger },
    );
    await provider.start();
    expect(endpoint.refused).toBe(0);
    expect(provider.current()).toBe(`Bearer ${endpoint.issued[0]}`);
  });

  it("fails to start, with the sign-in service's reason, when the secret is wrong", async () => {
    endpoint = await startFakeTokenEndpoint({ tenant, clientId, clientSecret: "the-right-one" });
    provider = createAppTokenProvider(
      {
        tenantId: tenant,
        clientId,
        clientSecret: "a-wrong-one",
        authorityHost: new URL(endpoint.url),
        scope: "https://graph.microsoft.com/.default",
      },
      { logger },
    );
    await expect(provider.start()).rejects.toThrow(/invalid_client|AADSTS7000215/);
    expect(endpoint.refused).toBeGreaterThan(0);
    expect(provider.current()).toBeUndefined();
  });
});
