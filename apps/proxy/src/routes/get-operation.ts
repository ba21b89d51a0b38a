import type { RequestHandler, Response } from "express";
import { NotFoundError } from "../http-errors/request-errors.js";
import type { ProxyMetrics } from "../observability/metrics.js";
import type { Identity } from "../security/identities.js";
import type { OpenRequestLimits } from "../security/open-request-limits.js";
import type { OperationRecord } from "../store/operation-record.js";
import type { OperationRecords } from "../store/operation-records.js";
import type { Tracker } from "../tracking/tracker.js";
import { LruMap } from "../support/lru-map.js";
import { waitForEnd } from "../tracking/wait-for-end.js";
import { readWaitSeconds } from "../wire/wait-preference.js";
import { weakEtag } from "../wire/weak-etag.js";
import { linkContextOf, type LinkContext } from "../wire/public-links.js";
import { toWireOperation } from "../wire/wire-operation.js";
import { followingEnded } from "../tracking/following-ended.js";

export interface GetOperationOptions {
  store: Pick<OperationRecords, "get">;
  tracker: Pick<Tracker, "changes">;
  /** The longest `Prefer: wait` honoured, in seconds. Default 60. */
  maxWaitSeconds?: number;
  /** Tells the time (epoch ms), for `Retry-After`. Default `Date`. */
  clock?: { now(): number };
  /** Caps on each identity's waiting requests. Default: none. */
  limits?: Pick<OpenRequestLimits, "hold">;
  /** Counts the requests waiting. */
  metrics?: Pick<ProxyMetrics, "waitingRequests">;
  /** Aborts when the proxy shuts down: every waiting request is then answered with the operation as it stands. */
  shutdown?: AbortSignal;
}

/**
 * `GET /operations/{id}` with an optional wait (`Prefer: wait=<seconds>` or `?wait=`), scoped to the
 * caller (another identity's operation is a 404). The id `events` is left to the events stream.
 */
export function getOperationHandler(options: GetOperationOptions): RequestHandler<{ id: string }> {
  const { store, tracker } = options;
  const maxWaitSeconds = options.maxWaitSeconds ?? 60;
  const clock = options.clock ?? Date;
  return async (req, res, next) => {
    if (req.params.id === "events") return next();
    const owner = (res.locals.identity as Identity).id;
    // `req.query` parses the query string on every read: a URL without one has no `?wait`.
    const wait = req.url.includes("?") ? req.query.wait : undefined;
    const waitSeconds = readWaitSeconds(wait, req.get("prefer"), maxWaitSeconds);
    let record = await store.get(owner, req.params.id);
    if (record === undefined) throw notFound(req.params.id);
    if (waitSeconds !== undefined) {
      res.setHeader("Preference-Applied", `wait=${waitSeconds}`);
      if (!followingEnded(record) && waitSeconds > 0 && options.shutdown?.aborted !== true) {
        options.limits?.hold("wait", owner, res);
        const signals = [closed(res), ...(options.shutdown === undefined ? [] : [options.shutdown])];
        options.metrics?.waitingRequests.inc();
        try {
          record = await waitForEnd(
            { store, changes: tracker.changes, owner, id: record.id },
            waitSeconds * 1000,
            AbortSignal.any(signals),
          );
        } finally {
          options.metrics?.waitingRequests.dec();
        }
      }
    }
    sendOperation(res, record, clock.now());
  };
}

export function notFound(id: string): NotFoundError {
  return new NotFoundError(
    `No operation ${JSON.stringify(id)} for this client: it never existed, expired, was deleted or belongs to another client.`,
    {
      innerError: { operationId: id },
    },
  );
}

/**
 * The operation as JSON; `Expires` when it is finished, `Retry-After` while it runs: the seconds to its next
 * poll, 1 while a poll is under way.
 */
export function sendOperation(res: Response, record: OperationRecord, now: number): void {
  if (followingEnded(record) && record.expiresAt !== undefined) {
    res.setHeader("Expires", new Date(record.expiresAt).toUTCString());
  } else if (!followingEnded(record)) {
    // A poll under way holds the lease until `dueAt`, but its answer may come at any moment.
    const dueAt = record.schedule.polling === true ? now : (record.schedule.dueAt ?? now);
    res.setHeader("Retry-After", String(Math.max(1, Math.ceil((dueAt - now) / 1000))));
  }
  // What `res.json` would send, without its settings lookups and content-type parsing: the body and its
  // ETag are made once per record, a matching `If-None-Match` gets a 304.
  const { body, length, etag } = wireBodyOf(record, linkContextOf(res.req));
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", length);
  res.setHeader("ETag", etag);
  if (res.req.fresh) {
    res.statusCode = 304;
    res.removeHeader("Content-Type");
    res.removeHeader("Content-Length");
    res.end();
  } else {
    // Node sends no body in answer to a HEAD.
    res.end(body);
  }
}

interface WireBody {
  /** The link base it was made for. */
  base: string | undefined;
  body: string;
  /** In bytes. */
  length: number;
  etag: string;
}

/**
 * The JSON and ETag of the records served last, made once per record object: a store that keeps records
 * in memory hands out the same object until the record changes, so repeated reads skip serialising and
 * hashing. Bounded, least recently served dropped first, since records may live on elsewhere (a weak map
 * would keep a body for each of them).
 */
const wireBodies = new LruMap<OperationRecord, WireBody>(1024);

function wireBodyOf(record: OperationRecord, links: LinkContext | undefined): WireBody {
  let wire = wireBodies.get(record);
  if (wire === undefined || wire.base !== links?.base) {
    const body = JSON.stringify(toWireOperation(record, links));
    wire = { base: links?.base, body, length: Buffer.byteLength(body), etag: weakEtag(body) };
    wireBodies.set(record, wire);
  }
  return wire;
}

/** A signal that aborts when the client goes away, so a long wait ends with it. */
function closed(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => controller.abort());
  // The client may have left while the operation was read: its "close" has already fired.
  if (res.req.socket.destroyed) controller.abort();
  return controller.signal;
}
