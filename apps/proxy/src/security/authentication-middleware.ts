import type { RequestHandler } from "express";
import type { Identities } from "./identities.js";

/**
 * Sets `res.locals.identity` from `X-API-Key` or `Proxy-Authorization: Bearer <JWT>`; a request without
 * valid credentials ends in a 401. The proxy's own credentials are removed from the request here so that
 * nothing after this point (forwarding included) can pass them on.
 */
export function authenticationMiddleware(identities: Identities): RequestHandler {
  return async (req, res, next) => {
    const apiKey = req.get("x-api-key");
    const proxyAuthorization = req.get("proxy-authorization");
    delete req.headers["x-api-key"];
    delete req.headers["proxy-authorization"];
    res.locals.identity = await identities.authenticate({ apiKey, proxyAuthorization });
    next();
  };
}
