import type { RequestHandler } from "express";
import { packageVersion } from "../lifecycle/package-version.js";
import { LruMap } from "../support/lru-map.js";
import { linkContextOf } from "../wire/public-links.js";
import { createOpenApiDocument } from "./openapi-document.js";

/**
 * `GET /openapi.json`: the document, its servers under the base the proxy writes its links with (the
 * public URL, else the trusted forwarded host, else the listen address; never the request's `Host`).
 * Made once per base.
 */
export function openApiRoute(prefixes: readonly string[]): RequestHandler {
  const version = packageVersion();
  const documents = new LruMap<string, string>(16);
  return (req, res) => {
    const { base } = linkContextOf(req);
    let body = documents.get(base);
    if (body === undefined) {
      body = JSON.stringify(createOpenApiDocument({ prefixes, base, version }));
      documents.set(base, body);
    }
    res.type("application/json").send(body);
  };
}
