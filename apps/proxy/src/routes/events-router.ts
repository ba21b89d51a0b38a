import { Router, type Request, type Response } from "express";
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
    const owner = (res.locals.identity as Identity).id;
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
    const owner = (res.locals.identity as Identity).id;
    const { id } = req.params as { id: string };
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

function readLastEventId(req: Request): number | undefined {
  const value = req.get("last-event-id");
  if (value === undefined || value.trim() === "") return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) {
    throw new BadRequestError(
      `Last-Event-ID must be the id of an event this stream sent (a whole number), got ${JSON.stringify(value)}.`,
      { innerError: { header: "Last-Event-ID" } },
    );
  }
  return Number(value.trim());
}
