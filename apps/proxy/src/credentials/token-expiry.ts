/** How long a token whose expiry cannot be read is kept: an hour, the usual life of a Graph access token. */
export const unreadableTokenLifetimeMs = 3_600_000;

/**
 * When a `Bearer` token stops being valid (epoch ms): a JWT's `exp` (Graph's access tokens are JWTs),
 * else `now` plus an hour. The token's signature is not checked: the proxy never trusts it for anything
 * but knowing when to drop it.
 */
export function tokenExpiry(authorization: string, now: number): number {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
  const payload = token?.split(".")[1];
  if (payload !== undefined) {
    try {
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown };
      if (typeof claims.exp === "number" && Number.isFinite(claims.exp)) return claims.exp * 1000;
    } catch {
      // Not a JWT: the default lifetime below.
    }
  }
  return now + unreadableTokenLifetimeMs;
}
