import { batchRequestSchema } from "./batch-schemas.js";

/** The upstream URL of each inner request of a batch, by its `id`. */
export type BatchRequestUrls = ReadonlyMap<string, URL>;

/** Whether a path under a forwarding prefix is Graph's JSON batch endpoint (`/$batch`, `$` encoded or not). */
export function isBatchPath(path: string): boolean {
  return /^\/(?:\$|%24)batch\/?$/i.test(path);
}

/**
 * Reads a batch's body: where each inner request goes upstream. A relative `url` (Graph's only form, with or
 * without its leading slash) resolves against the batch's version: `upstreamUrlOf("/teams/x/clone")` under
 * `/v1.0/$batch` is the upstream's `/v1.0/teams/x/clone`. `undefined` when the body is not a batch (the
 * batch is then forwarded and answered as it came); an inner request whose `url` does not resolve is left out.
 */
export function readBatchRequestUrls(
  body: Buffer,
  upstreamUrlOf: (path: string) => URL,
): BatchRequestUrls | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = batchRequestSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const urls = new Map<string, URL>();
  for (const request of parsed.data.requests) {
    const url = request.url.trim();
    // Absolute URLs are not Graph's batch form: the proxy does not guess where such a request went.
    if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith("//")) continue;
    try {
      urls.set(request.id, upstreamUrlOf(`/${url.replace(/^\/+/, "")}`));
    } catch {
      continue;
    }
  }
  return urls;
}
