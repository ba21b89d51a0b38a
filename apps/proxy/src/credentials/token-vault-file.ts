import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { ProxyLogger } from "../observability/logger.js";
import type { VaultEntry, VaultPersistence } from "../tracking/token-vault.js";

/** Bound to every encryption: a file of another purpose or version cannot be read as a vault. */
const associatedData = Buffer.from("lro-proxy token vault 1");

interface VaultFileContent {
  version: 1;
  /** Base64 of the 12-byte nonce, the 16-byte GCM tag and the ciphertext. */
  iv: string;
  tag: string;
  data: string;
}

export interface TokenVaultFileOptions {
  /** `<data-dir>/tokens.vault`. */
  path: string;
  /** 32 bytes (AES-256-GCM). Never logged. */
  key: Buffer;
  logger: ProxyLogger;
  /** How long changes gather before one write. Default 50 ms. */
  writeDelayMs?: number;
}

/**
 * Callers' tokens kept across restarts in one file encrypted with AES-256-GCM (a fresh nonce per write;
 * the tag authenticates the whole content), written mode 0600 to a temporary file then renamed, so a
 * crash leaves the old vault or the new one, never half of one. A file this key cannot open (another
 * key, damaged) is reported and left unread: operations then wait for their owners' next tokens.
 */
export function openTokenVaultFile(options: TokenVaultFileOptions): VaultPersistence {
  const { path, key, logger } = options;
  const writeDelayMs = options.writeDelayMs ?? 50;
  let pending: (() => Array<[string, Required<VaultEntry>]>) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === undefined) return;
    const entries = pending();
    pending = undefined;
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(associatedData);
    const data = Buffer.concat([cipher.update(JSON.stringify(entries), "utf8"), cipher.final()]);
    const content: VaultFileContent = {
      version: 1,
      iv: iv.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
      data: data.toString("base64"),
    };
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(content), { mode: 0o600 });
    renameSync(temporary, path);
  };

  return {
    load() {
      if (!existsSync(path)) return [];
      try {
        const content = JSON.parse(readFileSync(path, "utf8")) as VaultFileContent;
        if (content.version !== 1) throw new Error(`unknown vault version ${String(content.version)}`);
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(content.iv, "base64"));
        decipher.setAAD(associatedData);
        decipher.setAuthTag(Buffer.from(content.tag, "base64"));
        const plain = Buffer.concat([decipher.update(Buffer.from(content.data, "base64")), decipher.final()]);
        const entries = JSON.parse(plain.toString("utf8")) as Array<[string, Required<VaultEntry>]>;
        logger.info(
          { tokens: entries.length },
          "token vault read: operations resume with their callers' tokens",
        );
        return entries;
      } catch (error) {
        // Never the key, never a token: only why the file could not be read.
        logger.warn(
          { path, reason: error instanceof Error ? error.message : String(error) },
          "the token vault cannot be read with this key (another key, or a damaged file): its tokens are dropped, and operations that need one wait for their owners' next request",
        );
        return [];
      }
    },
    changed(entries) {
      pending = entries;
      timer ??= setTimeout(write, writeDelayMs);
      timer.unref();
    },
    flush: write,
  };
}
