import type { Response } from "express";
import { TooManyOpenRequestsError } from "../http-errors/limit-errors.js";

export type OpenRequestKind = "eventStream" | "wait";

/** Seconds a client refused for holding too many open requests is told to wait. */
const retryAfterSeconds = 5;

/**
 * Caps on the long requests one identity may hold open at once (event streams, waits), so that one
 * client cannot hold every socket and memory of the proxy. A slot is taken when the request starts and
 * given back when its answer closes, however it ends.
 */
export interface OpenRequestLimits {
  /** Takes a slot of `identity` for `kind` until `res` closes; throws `TooManyOpenRequestsError` when none is left. */
  hold(kind: OpenRequestKind, identity: string, res: Response): void;
  /** Open requests of `kind`, every identity together. */
  open(kind: OpenRequestKind): number;
}

export function createOpenRequestLimits(limits: Record<OpenRequestKind, number>): OpenRequestLimits {
  const held: Record<OpenRequestKind, Map<string, number>> = { eventStream: new Map(), wait: new Map() };
  const totals: Record<OpenRequestKind, number> = { eventStream: 0, wait: 0 };
  return {
    hold(kind, identity, res) {
      const counts = held[kind];
      const current = counts.get(identity) ?? 0;
      if (current >= limits[kind]) throw new TooManyOpenRequestsError(kind, limits[kind], retryAfterSeconds);
      counts.set(identity, current + 1);
      totals[kind] += 1;
      res.once("close", () => {
        totals[kind] -= 1;
        const left = (counts.get(identity) ?? 1) - 1;
        if (left === 0) counts.delete(identity);
        else counts.set(identity, left);
      });
    },
    open(kind) {
      return totals[kind];
    },
  };
}
