import express, { Router, type Request, type RequestHandler, type Response } from "express";
import { UnsupportedMediaTypeError } from "../http-errors/request-errors.js";
import type { Identity } from "../security/identities.js";
import type { OperationRecords } from "../store/operation-records.js";
import type { Tracker } from "../tracking/tracker.js";
import { getOperationHandler, notFound, sendOperation, type GetOperationOptions } from "./get-operation.js";
import { tokenResumption } from "./token-resumption.js";
import { parseAdoptRequest } from "../wire/adopt-request.js";
import { parseListQuery } from "../wire/list-query.js";
import { encodeSkipToken } from "../wire/skip-token.js";
import { linkContextOf } from "../wire/public-links.js";
import { toWireOperation } from "../wire/wire-operation.js";

export { notFound } from "./get-operation.js";

/** A body that is not JSON gets a 415 that says what is read, instead of a misleading 400. */
const requireJson: RequestHandler = (req, _res, next) => {
  if (hasBody(req) && !req.is(["application/json", "application/*+json"])) {
    throw new UnsupportedMediaTypeError(
      `The body must be JSON (Content-Type: application/json), got ${JSON.stringify(req.get("content-type") ?? "no Content-Type")}.`,
      { innerError: { contentType: req.get("content-type") ?? null } },
    );
  }
  next();
};

function hasBody(req: Request): boolean {
  const length = req.get("content-length");
  return req.get("transfer-encoding") !== undefined || (length !== undefined && length !== "0");
}

export interface OperationsRouterOptions extends GetOperationOptions {
  store: Pick<OperationRecords, "get" | "list">;
  tracker: Pick<Tracker, "adopt" | "forget" | "provideAuthorization" | "changes">;
  /** The origin a caller's `Authorization` on `POST /operations` is meant for: the upstream's. */
  upstreamOrigin: string;
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
  const clock = options.clock ?? Date;
  const router = Router();
  const ownerOf = (res: Response) => (res.locals.identity as Identity).id;

  router.use(tokenResumption({ tracker, upstreamOrigin: options.upstreamOrigin }));

  router.post("/", requireJson, express.json({ limit: "16kb" }), async (req, res) => {
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
    const link = `${linkContextOf(req)?.base ?? ""}${req.baseUrl}/${encodeURIComponent(record.id)}`;
    res.status(202).setHeader("Location", link).setHeader("Operation-Location", link);
    sendOperation(res, record, clock.now());
  });

  router.get("/", async (req, res) => {
    const query = parseListQuery(req.query as Record<string, unknown>);
    const links = linkContextOf(req);
    const records = await store.list(ownerOf(res), {
      limit: query.top + 1,
      ...(query.after === undefined ? {} : { after: query.after }),
      ...(query.filter === undefined ? {} : { filter: query.filter }),
    });
    const page = records.slice(0, query.top);
    const last = page.at(-1);
    const body: { value: unknown[]; "@odata.nextLink"?: string } = {
      value: page.map((record) => toWireOperation(record, links)),
    };
    if (records.length > query.top && last !== undefined) {
      const parameters = [`$top=${query.top}`];
      if (query.filterText !== undefined) parameters.push(`$filter=${encodeURIComponent(query.filterText)}`);
      parameters.push(`$skiptoken=${encodeSkipToken({ createdAt: last.createdAt, id: last.id })}`);
      // Under the base the configuration decides (never the request's Host), on the path it was asked on.
      body["@odata.nextLink"] = `${links?.base ?? ""}${req.baseUrl}?${parameters.join("&")}`;
    }
    res.json(body);
  });

  router.get("/:id", getOperationHandler(options));

  router.delete("/:id", async (req, res) => {
    if (!(await tracker.forget(ownerOf(res), req.params.id))) throw notFound(req.params.id);
    res.status(204).setHeader("X-Operation-Note", deleteNote).end();
  });

  return router;
}
