import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../observability/logger.js";
import { createTokenVault } from "../tracking/token-vault.js";
import { openTokenVaultFile } from "./token-vault-file.js";

/** A JWT-shaped token (unsigned: the vault only reads `exp`) that expires at `exp` (epoch s). */
function jwt(exp: number, subject = "user"): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `Bearer ${part({ alg: "none", typ: "JWT" })}.${part({ sub: subject, exp })}.signature-${subject}`;
}

function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), text: () => lines.join("") };
}

const origin = "https://graph.microsoft.com";

describe("the encrypted token vault file", () => {
  it("keeps tokens across a restart, encrypted (no token or owner in clear), mode 0600", () => {
    const path = join(mkdtempSync(join(tmpdir(), "lro-vault-")), "tokens.vault");
    const key = randomBytes(32);
    const { logger, text } = capturedLogger();
    const token = jwt(Math.floor(Date.now() / 1000) + 3600, "alice");
    const first = createTokenVault({ persistence: openTokenVaultFile({ path, key, logger }) });
    first.set("operation-1", { owner: "alice-owner", tokenOrigin: origin, authorization: token });
    first.flush();

    const written = readFileSync(path, "utf8");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(written).not.toContain("alice");
    expect(written).not.toContain(token.slice(7, 40));
    expect(written).not.toContain("operation-1");

    const second = createTokenVault({ persistence: openTokenVaultFile({ path, key, logger }) });
    expect(second.get("operation-1")).toBe(token);
    expect(text()).not.toContain(key.toString("hex"));
    expect(text()).not.toContain(key.toString("base64"));
    expect(text()).not.toContain(token);
  });

  it("drops tokens at their expiry, on reading the file and on use", () => {
    const path = join(mkdtempSync(join(tmpdir(), "lro-vault-")), "tokens.vault");
    const key = randomBytes(32);
    const { logger } = capturedLogger();
    let now = Date.now();
    const clock = { now: () => now };
    const vault = createTokenVault({ persistence: openTokenVaultFile({ path, key, logger }), clock });
    vault.set("soon", { owner: "o", tokenOrigin: origin, authorization: jwt(Math.floor(now / 1000) + 60) });
    vault.set("later", {
      owner: "o",
      tokenOrigin: origin,
      authorization: jwt(Math.floor(now / 1000) + 7200),
    });
    vault.flush();
    now += 120_000;
    expect(vault.get("soon")).toBeUndefined();
    expect(vault.get("later")).toBeDefined();

    const reread = createTokenVault({ persistence: openTokenVaultFile({ path, key, logger }), clock });
    expect(reread.size).toBe(1);
    now += 7200_000;
    const late = createTokenVault({ persistence: openTokenVaultFile({ path, key, logger }), clock });
    expect(late.size).toBe(0);
  });

  it("reads nothing with another key, says so in a warning without any secret, and writes anew", () => {
    const path = join(mkdtempSync(join(tmpdir(), "lro-vault-")), "tokens.vault");
    const { logger } = capturedLogger();
    const token = jwt(Math.floor(Date.now() / 1000) + 3600);
    const vault = createTokenVault({
      persistence: openTokenVaultFile({ path, key: randomBytes(32), logger }),
    });
    vault.set("operation", { owner: "o", tokenOrigin: origin, authorization: token });
    vault.flush();

    const other = capturedLogger();
    const otherKey = randomBytes(32);
    const reopened = createTokenVault({
      persistence: openTokenVaultFile({ path, key: otherKey, logger: other.logger }),
    });
    expect(reopened.size).toBe(0);
    expect(reopened.get("operation")).toBeUndefined();
    expect(other.text()).toContain("the token vault cannot be read with this key");
    expect(other.text()).not.toContain(otherKey.toString("hex"));
    expect(other.text()).not.toContain(token);
  });

  it("falls back to the proxy's own token, and a refused caller's token is dropped for a renewed one", async () => {
    let appToken = "Bearer app-1";
    const vault = createTokenVault({
      fallback: {
        current: () => appToken,
        renew: async () => (appToken = "Bearer app-2"),
      },
    });
    expect(vault.hasFallback).toBe(true);
    expect(vault.get("no-caller-token")).toBe("Bearer app-1");
    vault.set("op", { owner: "o", tokenOrigin: origin, authorization: "Bearer caller" });
    expect(vault.get("op")).toBe("Bearer caller");
    expect(await vault.renewAfterRefusal("op", "Bearer caller")).toBe("Bearer app-1");
    expect(vault.get("op")).toBe("Bearer app-1");
    expect(await vault.renewAfterRefusal("op", "Bearer app-1")).toBe("Bearer app-2");
    // Without a fallback there is nothing to renew with: the operation waits for its owner.
    const alone = createTokenVault();
    alone.set("op", { owner: "o", tokenOrigin: origin, authorization: "Bearer caller" });
    expect(await alone.renewAfterRefusal("op", "Bearer caller")).toBeUndefined();
    expect(alone.get("op")).toBeUndefined();
  });
});
