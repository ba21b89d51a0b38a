import type { Request, Response } from "express";

/** What a page may send besides the CORS-safelisted headers: the proxy's credentials and what Graph clients send. */
export const corsAllowedHeaders = [
  "Authorization",
  "X-API-Key",
  "Content-Type",
  "Prefer",
  "client-request-id",
  "return-client-request-id",
  "If-None-Match",
  "If-Match",
  "Last-Event-ID",
  "X-Notification-URL",
  "ConsistencyLevel",
  "SdkVersion",
];

/** What a page may read of an answer besides the CORS-safelisted headers: what pollers and Graph clients read. */
export const corsExposedHeaders = [
  "Location",
  "Operation-Location",
  "Content-Location",
  "Retry-After",
  "ETag",
  "request-id",
  "client-request-id",
  "Upstream-Location",
  "Upstream-Request-Id",
  "x-ms-ags-diagnostic",
  "Preference-Applied",
  "X-Operation-Note",
  "Allow",
  "WWW-Authenticate",
  "RateLimit",
  "RateLimit-Policy",
];

const allowedMethods = "GET, HEAD, POST, PUT, PATCH, DELETE";
const preflightMaxAgeSeconds = "600";

/**
 * CORS for the origins named by `--cors-origin`, matched exactly (scheme, host and port as the browser
 * writes `Origin`): an allowed origin is named back in `Access-Control-Allow-Origin`, any other gets no CORS
 * header at all, and `*` is never answered. No `Access-Control-Allow-Credentials`: the proxy reads no cookie;
 * pages send `X-API-Key` (and their Graph token in `Authorization`) as ordinary headers.
 *
 * Returns a step for the request preamble, before authentication: it writes the CORS headers of the answer
 * and answers a preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) itself with 204,
 * since a browser never sends credentials with a preflight. Without configured origins it does nothing.
 */
export function corsStep(origins: readonly string[]): ((req: Request, res: Response) => boolean) | undefined {
  if (origins.length === 0) return undefined;
  const allowed = new Set(origins);
  const exposed = corsExposedHeaders.join(", ");
  const allowedHeaders = corsAllowedHeaders.join(", ");
  return (req, res) => {
    const origin = req.get("origin");
    // Whatever the origin, the answer depends on it: caches keep one per origin.
    res.setHeader("Vary", "Origin");
    const preflight = req.method === "OPTIONS" && req.get("access-control-request-method") !== undefined;
    const allow = origin !== undefined && allowed.has(origin);
    if (allow) res.setHeader("Access-Control-Allow-Origin", origin);
    if (!preflight) {
      if (allow) res.setHeader("Access-Control-Expose-Headers", exposed);
      return false;
    }
    res.setHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    if (allow) {
      res.setHeader("Access-Control-Allow-Methods", allowedMethods);
      res.setHeader("Access-Control-Allow-Headers", allowedHeaders);
      res.setHeader("Access-Control-Max-Age", preflightMaxAgeSeconds);
    }
    res.status(204).end();
    return true;
  };
}

/**
 * The CORS headers of an upstream answer are the upstream's policy, not the proxy's: they are never passed
 * on (the proxy's own, if any, were written before). `Vary` is merged with the proxy's.
 */
export function withoutUpstreamCors(
  headers: Record<string, string | string[]>,
  res: Response,
): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith("access-control-")) continue;
    kept[name] = value;
  }
  const own = res.getHeader("vary");
  if (own !== undefined && kept.vary !== undefined) {
    const names = new Map<string, string>();
    for (const item of [String(own), ...[kept.vary].flat()].join(",").split(",")) {
      const name = item.trim();
      if (name !== "") names.set(name.toLowerCase(), name);
    }
    kept.vary = names.has("*") ? "*" : [...names.values()].join(", ");
  }
  return kept;
}
