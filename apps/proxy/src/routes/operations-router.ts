import { isTerminal } from "@lro/core";
import express, { Router, type Response } from "express";
import { NotFoundError } from "../http-errors/request-errors.js";
import type { Identity } from "../security/identities.js";
import type { OperationRecord } from "../store/operation-record.js";
import type { OperationStore } from "../store/operation-store.js";
import type { Tracker } from "../tracking/tracker.js";
import { waitForEnd } from "../tracking/wait-for-end.js";
import { tokenResumption } from "./token-resumption.js";
import { parseAdoptRequest } from "../wire/adopt-request.js";
import { parseListQuery } from "../wire/list-query.js";
import { encodeSkipToken } from "../wire/skip-token.js";
import { readWaitSeconds } from "../wire/wait-preference.js";
import { toWireOperation } from "../wire/wire-operation.js";

export interface OperationsRouterOptions {
  store: Pick<OperationStore, "get" | "list">;
  tracker: Pick<Tracker, "adopt" | "forget" | "provideAuthorization" | "changes">;
  /** The origin a caller's `Authorization` on `POST /operations` is meant for: the upstream's. */
  upstreamOrigin: string;
  /** The longest `Prefer: wait` honoured, in seconds. Default 60. */
  maxWaitSeconds?: number;
  /** Tells the time (epoch ms), for `Retry-After`. Default `Date`. */
  clock?: { now(): number };
}

/** The answer's note on `DELETE`: Graph has no cancel, so the work itself goes on. */
export const deleteNote =
  "Stopped following and forgot the operation. Microsoft Graph has no cancel for long-running operations: the work goes on upstream.";

/**
 * `/operations`: adopt a monitor (`POST`), list (`GET /`), get with an optional wait (`GET /{id}`),
 * forget (`DELETE /{id}`). Every query is scoped to the caller: another identity's operation is a 404.
 */
export function createOperationsRouter(options: OperationsRouterOptions): Router {
  const { store, tracker } = options;
  const maxWaitSeconds = options.maxWaitSeconds ?? 60;
  const clock = options.clock ?? Date;
  const router = Router();
  const ownerOf = (res: Response) => (res.locals.identity as Identity).id;

  router.use(tokenResumption({ tracker, upstreamOrigin: options.upstreamOrigin }));

  router.post("/", express.json({ limit: "16kb" }), async (req, res) => {
    const owner = ownerOf(res);
    const body = parseAdoptRequest(req.body);
    const authorization = req.get("authorization");
    const notificationUrl = body.notificationUrl ?? req.get("x-notification-url");
    const record = await tracker.adopt({
      owner,
      monitorUrl: body.monitorUrl,
      ...(authorization === undefined ? {} : { authorization, tokenOrigin: options.upstreamOrigin }),
      ...(notificationUrl === undefined ? {} : { notificationUrl }),
      ...(body.kind === undefined ? {} : { kind: body.kind }),
    });
    res.status(202).location(`${req.baseUrl}/${encodeURIComponent(record.id)}`);
    sendOperation(res, record, clock.now());
  });

  router.get("/", async (req, res) => {
    const query = parseListQuery(req.query as Record<string, unknown>);
    const records = await store.list(ownerOf(res), {
      limit: query.top + 1,
      ...(query.after === undefined ? {} : { after: query.after }),
      ...(query.filter === undefined ? {} : { filter: query.filter }),
    });
    const page = records.slice(0, query.top);
    const last = page.at(-1);
    const body: { value: unknown[]; "@odata.nextLink"?: string } = { value: page.map(toWireOperation) };
    if (records.length > query.top && last !== undefined) {
      const parameters = [`$top=${query.top}`];
      if (query.filterText !== undefined) parameters.push(`$filter=${encodeURIComponent(query.filterText)}`);
      parameters.push(`$skiptoken=${encodeSkipToken({ createdAt: last.createdAt, id: last.id })}`);
      body["@odata.nextLink"] =
        `${req.protocol}://${req.get("host") ?? "localhost"}${req.baseUrl}?${parameters.join("&")}`;
    }
    res.json(body);
  });

  router.get("/:id", async (req, res, next) => {
    if (req.params.id === "events") return next();
    const owner = ownerOf(res);
    const waitSeconds = readWaitSeconds(req.query.wait, req.get("prefer"), maxWaitSeconds);
    let record = await findOrFail(store, owner, req.params.id);
    if (waitSeconds !== undefined) {
      res.setHeader("Preference-Applied", `wait=${waitSeconds}`);
      if (!isTerminal(record.operation) && waitSeconds > 0) {
        record = await waitForEnd(
          { store, changes: tracker.changes, owner, id: record.id },
          waitSeconds * 1000,
          closed(res),
        );
      }
    }
    sendOperation(res, record, clock.now());
  });

  router.delete("/:id", async (req, res) => {
    if (!(await tracker.forget(ownerOf(res), req.params.id))) throw notFound(req.params.id);
    res.status(204).setHeader("X-Operation-Note", deleteNote).end();
  });

  return router;
}

async function findOrFail(
  store: Pick<OperationStore, "get">,
  owner: string,
  id: string,
): Promise<OperationRecord> {
  const record = await store.get(owner, id);
  if (record === undefined) throw notFound(id);
  return record;
}

export function notFound(id: string): NotFoundError {
  return new NotFoundError(
    `No operation ${JSON.stringify(id)} for this client: it never existed, expired, was deleted or belongs to another client.`,
    {
      innerError: { operationId: id },
    },
  );
}

/** The operation as JSON; `Expires` when it is finished, `Retry-After` (seconds to its next poll) while it runs. */
function sendOperation(res: Response, record: OperationRecord, now: number): void {
  if (isTerminal(record.operation) && record.expiresAt !== undefined) {
    res.setHeader("Expires", new Date(record.expiresAt).toUTCString());
  } else if (!isTerminal(record.operation)) {
    const dueAt = record.schedule.dueAt ?? now;
    res.setHeader("Retry-After", String(Math.max(1, Math.ceil((dueAt - now) / 1000))));
  }
  // The JSON `res.json` would send, without its layers of settings lookups: `send` still adds the ETag
  // and answers 304 to a matching `If-None-Match`.
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.send(JSON.stringify(toWireOperation(record)));
}

/** A signal that aborts when the client goes away, so a long wait ends with it. */
function closed(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => controller.abort());
  // The client may have left while the operation was read: its "close" has already fired.
  if (res.req.socket.destroyed) controller.abort();
  return controller.signal;
}
