import type { Request, Response } from "express";
import { AuthenticationError } from "../http-errors/authentication-error.js";
import type { Identity } from "./identities.js";
import { streamTokenParameter, streamTokenRefusals, type StreamTokens } from "./stream-token.js";

/** What `res.locals` holds for a request let in by a stream token: the one operation it may stream. */
export interface StreamTokenLocals {
  identity: Identity;
  streamTokenOperation: string;
}

/**
 * The authentication step of stream tokens, before the client's credentials: on `GET
 * /operations/{id}/events` (at the top level or under a forwarding prefix) with a `streamToken` query
 * parameter and no `X-API-Key` or `Proxy-Authorization`, the token must be genuine, unexpired and minted for
 * that `id`; its owner becomes the request's identity, limited to that operation's stream (a 401 otherwise).
 * Answers false for every other request, which then needs credentials as always: a token is never read
 * anywhere else. The request's `Authorization` is dropped, so a token cannot hand a Graph token to its
 * owner's operations either.
 */
export function streamTokenAuthenticator(
  tokens: StreamTokens,
  prefixes: readonly string[],
): (req: Request, res: Response) => boolean {
  const eventsPath = new RegExp(
    `^(?:${prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})?/operations/([^/]+)/events/?$`,
    "i",
  );
  return (req, res) => {
    if (req.method !== "GET" || !req.url.includes(streamTokenParameter)) return false;
    if (req.get("x-api-key") !== undefined || req.get("proxy-authorization") !== undefined) return false;
    const token = (req.query as Record<string, unknown>)[streamTokenParameter];
    if (token === undefined) return false;
    const match = eventsPath.exec(req.path);
    if (match === null) return false;
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      return false;
    }
    if (typeof token !== "string") {
      throw new AuthenticationError("Send one stream token (streamToken) per request.");
    }
    const check = tokens.verify(token, id);
    if (!check.valid) {
      throw new AuthenticationError(streamTokenRefusals[check.reason], {
        innerError: { reason: check.reason },
      });
    }
    delete req.headers.authorization;
    const locals = res.locals as Partial<StreamTokenLocals>;
    locals.identity = { id: check.owner, method: "stream-token" };
    locals.streamTokenOperation = id;
    return true;
  };
}
