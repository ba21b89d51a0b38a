import type { RequestHandler } from "express";
import type { Identity } from "../security/identities.js";
import type { Tracker } from "../tracking/tracker.js";

export interface TokenResumptionOptions {
  tracker: Pick<Tracker, "provideAuthorization">;
  /** The origin a caller's `Authorization` on the operations resource is meant for: the upstream's. */
  upstreamOrigin: string;
}

/**
 * A request of an owner that brings a Graph token (`Authorization`) refreshes the tokens of its
 * operations and resumes those waiting for one, as their `statusDetail` promises.
 */
export function tokenResumption({ tracker, upstreamOrigin }: TokenResumptionOptions): RequestHandler {
  // Without a token there is nothing to wait for: the request goes on at once, not after a promise.
  return (req, res, next) => {
    const authorization = req.get("authorization");
    if (authorization === undefined) return next();
    const owner = (res.locals.identity as Identity).id;
    return tracker.provideAuthorization(owner, authorization, upstreamOrigin).then(() => next());
  };
}
