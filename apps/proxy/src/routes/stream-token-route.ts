import type { StreamToken } from "@lro/client";
import type { RequestHandler } from "express";
import type { Identity } from "../security/identities.js";
import { streamTokenParameter, type StreamTokens } from "../security/stream-token.js";
import type { OperationRecords } from "../store/operation-records.js";
import { linkContextOf, operationLink } from "../wire/public-links.js";
import { notFound } from "./get-operation.js";

export interface StreamTokenRouteOptions {
  store: Pick<OperationRecords, "get">;
  tokens: StreamTokens;
  /** The forwarding prefixes: the events URL is written under the one the request came through. */
  prefixes: readonly string[];
}

/**
 * `POST /operations/{id}/stream-token`: for a browser, whose `EventSource` cannot send `X-API-Key`, a
 * short-lived token that opens this one operation's event stream as the `streamToken` query parameter.
 * Minted only for the caller's own operation (another's is a 404, as everywhere).
 */
export function streamTokenHandler({ store, tokens, prefixes }: StreamTokenRouteOptions): RequestHandler {
  return async (req, res) => {
    res.locals.routeLabel = "/operations";
    const { id } = req.params as { id: string };
    const owner = (res.locals.identity as Identity).id;
    if ((await store.get(owner, id)) === undefined) throw notFound(id);
    const { token, expiresAt } = tokens.mint(owner, id);
    const lower = req.path.toLowerCase();
    const prefix = prefixes.find((candidate) => lower.startsWith(`${candidate.toLowerCase()}/operations/`));
    const url = `${operationLink(linkContextOf(req), prefix ?? "", id)}/events?${streamTokenParameter}=${token}`;
    const answer: StreamToken = { token, expiresDateTime: new Date(expiresAt).toISOString(), url };
    res.status(200).json(answer);
  };
}
