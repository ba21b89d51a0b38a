import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../config.js";

const key = "credential-settings-key-0123456789";

describe("app-only credentials and token vault settings", () => {
  it("reads the credentials, with defaults for the sign-in host and scope", () => {
    const config = parseConfig({
      argv: ["--api-key", key, "--graph-tenant-id", "contoso.example", "--graph-client-id", "app"],
      env: { LRO_PROXY_GRAPH_CLIENT_SECRET: "secret-value" },
    });
    expect(config.graphCredentials).toEqual({
      tenantId: "contoso.example",
      clientId: "app",
      clientSecret: "secret-value",
      authorityHost: new URL("https://login.microsoftonline.com"),
      scope: "https://graph.microsoft.com/.default",
    });
    expect(config.tokenVaultKey).toBeUndefined();
  });

  it.each([
    [["--graph-client-id", "app"], /--graph-tenant-id \(LRO_PROXY_GRAPH_TENANT_ID\): is required/],
    [["--graph-tenant-id", "t", "--graph-client-id", "app"], /exactly one of a client secret/],
    [
      [
        "--graph-tenant-id",
        "t",
        "--graph-client-id",
        "app",
        "--graph-client-secret",
        "s",
        "--graph-authority-host",
        "http://login.example",
      ],
      /--graph-authority-host \(LRO_PROXY_GRAPH_AUTHORITY_HOST\): expected an https URL/,
    ],
  ])("refuses %j", (flags, message) => {
    expect(() => parseConfig({ argv: ["--api-key", key, ...flags] })).toThrow(ConfigError);
    expect(() => parseConfig({ argv: ["--api-key", key, ...flags] })).toThrow(message);
  });

  it("takes a 256-bit vault key in hex or base64, and refuses another without quoting it", () => {
    const bytes = randomBytes(32);
    for (const written of [bytes.toString("hex"), bytes.toString("base64")]) {
      expect(
        parseConfig({ argv: ["--api-key", key], env: { LRO_PROXY_TOKEN_VAULT_KEY: written } }).tokenVaultKey,
      ).toEqual(bytes);
    }
    const wrong = "not-a-key-but-a-secret-all-the-same";
    let message = "";
    try {
      parseConfig({ argv: ["--api-key", key], env: { LRO_PROXY_TOKEN_VAULT_KEY: wrong } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("--token-vault-key (LRO_PROXY_TOKEN_VAULT_KEY): expected a 256-bit key");
    expect(message).not.toContain(wrong);
  });
});
