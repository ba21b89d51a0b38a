import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Stream tokens: what a browser's `EventSource` (which cannot send `X-API-Key`) shows instead, as the
 * `streamToken` query parameter of one operation's events URL. A token is minted by an authenticated
 * request and names its owner, the one operation and when it expires; it is signed with HMAC-SHA256 under
 * a key of this process (random at start) or the configured one (shared by every instance of a cluster).
 * It proves nothing anywhere else: the proxy reads it only on `GET …/operations/{id}/events` for that `id`.
 *
 * The wire form is `v1.<payload>.<signature>`, both base64url; the payload is JSON
 * `{"o": owner, "i": operation id, "e": expiry in epoch seconds}`.
 */
export interface StreamTokens {
  /** A token for `owner`'s operation `id`, valid until `expiresAt` (epoch ms, whole seconds). */
  mint(owner: string, id: string): { token: string; expiresAt: number };
  /** The owner a token was minted for, when it is genuine, unexpired and names operation `id`; else why not. */
  verify(token: string, id: string): StreamTokenCheck;
  /** How long a token is valid after it is minted, in ms. */
  readonly lifetimeMs: number;
}

export type StreamTokenCheck =
  | { valid: true; owner: string }
  | { valid: false; reason: "malformed" | "badSignature" | "expired" | "otherOperation" };

export interface StreamTokensOptions {
  /** The signing key (at least 32 bytes); a random one of this process by default. */
  secret?: Buffer | undefined;
  /** Default 5 minutes: enough to open the stream, short enough that a leaked URL soon stops working. */
  lifetimeMs?: number;
  clock?: { now(): number };
}

/** The query parameter a stream token travels in. */
export const streamTokenParameter = "streamToken";

const version = "v1";
// Keeps these signatures apart from anything else the same key might ever sign.
const purpose = "lro-proxy stream token\n";

export function createStreamTokens(options: StreamTokensOptions = {}): StreamTokens {
  const secret = options.secret ?? randomBytes(32);
  if (secret.length < 32) throw new RangeError("a stream token key must have at least 32 bytes");
  const lifetimeMs = options.lifetimeMs ?? 5 * 60_000;
  const clock = options.clock ?? Date;
  const sign = (payload: string) => createHmac("sha256", secret).update(purpose).update(payload).digest();

  return {
    lifetimeMs,
    mint(owner, id) {
      const expiresSeconds = Math.floor((clock.now() + lifetimeMs) / 1000);
      const payload = Buffer.from(JSON.stringify({ o: owner, i: id, e: expiresSeconds })).toString(
        "base64url",
      );
      const token = `${version}.${payload}.${sign(payload).toString("base64url")}`;
      return { token, expiresAt: expiresSeconds * 1000 };
    },
    verify(token, id) {
      const parts = token.split(".");
      if (parts.length !== 3 || parts[0] !== version) return { valid: false, reason: "malformed" };
      const [, payload = "", signature = ""] = parts;
      if (!/^[\w-]+$/.test(payload) || !/^[\w-]{43}$/.test(signature)) {
        return { valid: false, reason: "malformed" };
      }
      // The signature is checked before anything in the payload is believed, in constant time, as text:
      // only its one canonical spelling passes (base64url's last character has two bits a decoder ignores).
      if (!timingSafeEqual(Buffer.from(sign(payload).toString("base64url")), Buffer.from(signature))) {
        return { valid: false, reason: "badSignature" };
      }
      const claims = parseClaims(payload);
      if (claims === undefined) return { valid: false, reason: "malformed" };
      if (claims.e * 1000 <= clock.now()) return { valid: false, reason: "expired" };
      if (claims.i !== id) return { valid: false, reason: "otherOperation" };
      return { valid: true, owner: claims.o };
    },
  };
}

function parseClaims(payload: string): { o: string; i: string; e: number } | undefined {
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const { o, i, e } = claims;
    if (typeof o !== "string" || typeof i !== "string" || typeof e !== "number" || !Number.isFinite(e)) {
      return undefined;
    }
    return { o, i, e };
  } catch {
    return undefined;
  }
}

/** What a refused token is told (never the token itself). */
export const streamTokenRefusals: Record<Exclude<StreamTokenCheck, { valid: true }>["reason"], string> = {
  malformed: "The stream token is not one this proxy issued.",
  badSignature: "The stream token is not one this proxy issued (its signature does not match).",
  expired:
    "The stream token has expired: mint a new one with POST /operations/{id}/stream-token (resume with its url and ?lastEventId=).",
  otherOperation: "The stream token was minted for another operation.",
};
