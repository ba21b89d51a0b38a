import { Router, type Request, type Response } from "express";
import { AuthenticationError } from "../http-errors/authentication-error.js";
import { BadRequestError } from "../http-errors/request-errors.js";
import type { ProxyMetrics } from "../observability/metrics.js";
import type { Identity } from "../security/identities.js";
import type { OpenRequestLimits } from "../security/open-request-limits.js";
import type { OperationChange } from "../store/operation-change.js";
import type { ChangeFeed } from "../store/change-feed.js";
import type { OperationRecords } from "../store/operation-records.js";
import type { Tracker } from "../tracking/tracker.js";
import { linkContextOf } from "../wire/public-links.js";
import { formatChangeEvent, heartbeatFrame } from "../wire/sse-frame.js";
import { notFound } from "./operations-router.js";
import { tokenResumption } from "./token-resumption.js";

export interface EventsRouterOptions {
  store: Pick<OperationRecords, "get"> & Pick<ChangeFeed, "listChangesSince">;
  tracker: Pick<Tracker, "changes" | "provideAuthorization">;
  /** The origin a caller's `Authorization` is meant for (the upstream's): it resumes operations waiting for one. */
  upstreamOrigin: string;
  metrics: Pick<ProxyMetrics, "sseClients">;
  /** Caps on each identity's open streams. Default: none. */
  limits?: Pick<OpenRequestLimits, "hold">;
  /** How often a heartbeat comment is sent. Default 15 s. */
  heartbeatMs?: number;
}

/**
 * Server-Sent Events: `GET /events` (every operation of the caller) and `GET /{id}/events` (one).
 * A new stream starts with the current state; `Last-Event-ID` replays instead every change after that
 * version, from the store (the latest state of each operation, in version order), then goes live.
 */
export function createEventsRouter(options: EventsRouterOptions): Router {
  const { store, tracker } = options;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const router = Router();
  const resume = tokenResumption({ tracker, upstreamOrigin: options.upstreamOrigin });

  router.get("/events", resume, async (req, res) => {
    const identity = res.locals.identity as Identity;
    // A stream token opens one operation's stream, never the list of all its owner's operations.
    if (identity.method === "stream-token") {
      throw new AuthenticationError(
        "A stream token opens only the events of the operation it was minted for.",
      );
    }
    const owner = identity.id;
    const lastEventId = readLastEventId(req);
    await stream(req, res, {
      owner,
      backlog: async () => {
        const changes = await store.listChangesSince(owner, lastEventId ?? 0);
        return lastEventId === undefined ? changes.filter((change) => change.type === "operation") : changes;
      },
    });
  });

  router.get("/:id/events", resume, async (req, res) => {
    const identity = res.locals.identity as Identity;
    const owner = identity.id;
    const { id } = req.params as { id: string };
    if (identity.method === "stream-token" && res.locals.streamTokenOperation !== id) {
      throw new AuthenticationError("The stream token was minted for another operation.");
    }
    const lastEventId = readLastEventId(req);
    const current = async (): Promise<OperationChange[]> => {
      const record = await store.get(owner, id);
      return record === undefined ? [] : [{ type: "operation", owner, id, version: record.version, record }];
    };
    const backlog = () =>
      lastEventId === undefined ? current() : store.listChangesSince(owner, lastEventId, { id });
    const known = (await store.get(owner, id)) !== undefined;
    if (!known && !(await backlog()).some((change) => change.type === "deleted")) throw notFound(id);
    // Read again once subscribed, so that no change between this check and the subscription is lost.
    await stream(req, res, { owner, id, backlog });
  });

  /** Subscribes first, then sends the backlog, then the live changes it did not contain. */
  async function stream(
    req: Request,
    res: Response,
    source: { owner: string; id?: string; backlog: () => Promise<OperationChange[]> },
  ): Promise<void> {
    options.limits?.hold("eventStream", source.owner, res);
    const links = linkContextOf(req);
    let lastSent = 0;
    let pending: OperationChange[] | undefined = [];
    let open = true;
    // Shutdown may end the answer before its "close": nothing may be written after that (it would throw).
    const writable = () => open && !res.writableEnded && !res.destroyed;
    const send = (change: OperationChange) => {
      if (!writable() || change.version <= lastSent) return;
      lastSent = change.version;
      res.write(formatChangeEvent(change, links));
      if (change.type === "deleted" && source.id !== undefined) close();
    };
    const unsubscribe = tracker.changes.subscribe(
      source.owner,
      (change) => (pending === undefined ? send(change) : pending.push(change)),
      source.id,
    );
    const heartbeat = setInterval(() => {
      if (writable()) res.write(heartbeatFrame);
    }, heartbeatMs);
    options.metrics.sseClients.inc();
    const close = () => {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      unsubscribe();
      options.metrics.sseClients.dec();
      res.end();
    };
    res.once("close", close);
    // The client may have left while the stream was being prepared: its "close" has already fired.
    if (req.socket.destroyed || res.destroyed) return close();

    res.status(200).set({
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "private, no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.flushHeaders();
    try {
      const backlog = await source.backlog();
      for (const change of backlog) send(change);
      for (const change of pending.sort((a, b) => a.version - b.version)) send(change);
    } finally {
      pending = undefined;
    }
  }

  return router;
}

/**
 * Where a resumed stream starts: the `Last-Event-ID` header (what an `EventSource` sends when it
 * reconnects), else the `lastEventId` query parameter (what a browser page gives a new `EventSource`,
 * which cannot set headers, to resume with a freshly minted stream token).
 */
function readLastEventId(req: Request): number | undefined {
  const header = req.get("last-event-id");
  const query = (req.query as Record<string, unknown>).lastEventId;
  const [value, name] =
    header !== undefined && header.trim() !== "" ? [header, "Last-Event-ID"] : [query, "lastEventId"];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !/^\d{1,15}$/.test(value.trim())) {
    throw new BadRequestError(
      `${name} must be the id of an event this stream sent (a whole number), got ${JSON.stringify(value)}.`,
      { innerError: { [name === "Last-Event-ID" ? "header" : "parameter"]: name } },
    );
  }
  return Number(value.trim());
}
