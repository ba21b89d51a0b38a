import { Readable } from "node:stream";
import { Router, type Request, type Response } from "express";
import { isBatchPath, readBatchRequestUrls, type BatchRequestUrls } from "../batch/batch-requests.js";
import { forwardBatchAnswer } from "../batch/batch-answer.js";
import type { ProxyConfig } from "../config.js";
import { BadRequestError } from "../http-errors/request-errors.js";
import type { EgressPolicy } from "../security/egress-policy.js";
import type { Identity } from "../security/identities.js";
import type { Tracker } from "../tracking/tracker.js";
import { assertDeclaredLength, limitBody } from "../upstream/body-limit.js";
import { endToEndHeaders, firstHeaderValue } from "../upstream/hop-by-hop.js";
import type { UpstreamClient, UpstreamResponse } from "../upstream/upstream-client.js";
import { ownAnswersCacheControl } from "../wire/cache-control.js";
import { followableLocation, linkContextOf, operationLink, type LinkContext } from "../wire/public-links.js";
import { toWireOperation } from "../wire/wire-operation.js";
import { createMonitorTakeover, monitorOf, secondsUntil } from "./monitor-takeover.js";
import { forwardRunningAnswer } from "./running-answer.js";
import { keepUpstreamRequestId, passThrough } from "./upstream-answer.js";

/** Request headers meant for the proxy itself, never forwarded. */
const proxyOnlyHeaders = ["host", "x-api-key", "x-notification-url", "expect"];

export interface ForwardingRouterOptions {
  config: Pick<ProxyConfig, "upstream" | "limits">;
  upstream: UpstreamClient;
  tracker: Pick<Tracker, "adopt" | "provideAuthorization">;
  egress: EgressPolicy;
}

/**
 * Forwards every request under its mount point to the upstream as it came (method, path, query,
 * end-to-end headers, streamed body) and answers with the upstream's answer as it came, except a `202`
 * that names a monitor: that operation is adopted and answered as the proxy's own resource. A JSON batch
 * (`POST {prefix}/$batch`) is forwarded whole; each of its inner `202`s that names a monitor is taken over
 * the same way, and its headers name the proxy's operation.
 */
export function createForwardingRouter({
  config,
  upstream,
  tracker,
  egress,
}: ForwardingRouterOptions): Router {
  const router = Router();
  const takeOver = createMonitorTakeover({ config, tracker, egress });
  router.use(async (req, res) => {
    res.locals.routeLabel = "forward";
    const identity = res.locals.identity as Identity;
    const target = upstreamUrlFor(config.upstream, req.originalUrl);
    assertDeclaredLength(req.get("content-length"), config.limits.bodyBytes);

    const headers = endToEndHeaders(req.headers, proxyOnlyHeaders);
    const authorization = req.get("authorization");
    if (authorization !== undefined) {
      if (egress.mayReceiveToken(target, config.upstream.origin)) {
        await tracker.provideAuthorization(identity.id, authorization, target.origin);
      } else {
        delete headers.authorization;
      }
    }
    headers["client-request-id"] ??= res.locals.requestId as string;

    let body: Readable | undefined = hasBody(req) ? req.pipe(limitBody(config.limits.bodyBytes)) : undefined;
    // A batch is read whole (within the body limit) to know where each inner request went.
    let batch: BatchRequestUrls | undefined;
    if (body !== undefined && req.method === "POST" && isBatchPath(req.path)) {
      const bytes = Buffer.concat(await body.toArray());
      batch = readBatchRequestUrls(bytes, (path) => upstreamUrlFor(config.upstream, `${req.baseUrl}${path}`));
      body = Readable.from([bytes]);
      // The answer is read and rewritten: it must come as JSON text, not compressed.
      if (batch !== undefined) headers["accept-encoding"] = "identity";
    }

    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const answer = await upstream.request(
      { url: target, method: req.method, headers, body, signal: abort.signal },
      "forward",
    );
    const notificationUrl = req.get("x-notification-url");

    if (batch !== undefined && answer.status === 200) {
      return forwardBatchAnswer(answer, res, {
        requests: batch,
        limitBytes: config.limits.bodyBytes,
        links: linkContextOf(req),
        prefix: req.baseUrl,
        takeOver: (monitor, requestUrl, retryAfter) =>
          takeOver({ owner: identity.id, monitor, requestUrl, authorization, notificationUrl, retryAfter }),
      });
    }

    if (req.method === "POST" && (answer.status === 200 || answer.status === 201)) {
      return forwardRunningAnswer(answer, res, {
        requestUrl: target,
        limitBytes: config.limits.monitorAnswerBytes,
        links: linkContextOf(req),
        prefix: req.baseUrl,
        takeOver: (monitor, retryAfter) =>
          takeOver({
            owner: identity.id,
            monitor,
            requestUrl: target,
            authorization,
            notificationUrl,
            retryAfter,
          }),
      });
    }

    const monitor =
      answer.status === 202
        ? monitorOf(
            firstHeaderValue(answer.headers["operation-location"]),
            firstHeaderValue(answer.headers.location),
          )
        : undefined;
    if (monitor === undefined) return passThrough(answer, res);

    await answer.body.dump();
    const record = await takeOver({
      owner: identity.id,
      monitor,
      requestUrl: target,
      authorization,
      notificationUrl,
      retryAfter: firstHeaderValue(answer.headers["retry-after"]),
    });
    const links = linkContextOf(req);
    // Absolute, under the public base and the prefix the request came through, so that every kind of client
    // follows it: generic pollers (`Operation-Location` is the status monitor, `Location` too) and the Graph
    // SDK (`client.api(link)` splits an absolute https link into host, version and path).
    const link = operationLink(links, req.baseUrl, record.id);
    res.status(202).setHeader("Location", link).setHeader("Operation-Location", link);
    keepUpstreamHeaders(answer, res, monitor, links);
    res
      // When the proxy polls first: the upstream's Retry-After as the schedule honours it (capped by the pacing).
      .setHeader("Retry-After", String(secondsUntil(record.schedule.dueAt ?? Date.now(), Date.now())))
      // The operation is this client's own resource, not the upstream's answer: no cache may keep it.
      .setHeader("Cache-Control", ownAnswersCacheControl)
      .json(toWireOperation(record, links));
  });
  return router;
}

/** The upstream URL of a request: the upstream's origin and base path, then the request's own path and query. */
export function upstreamUrlFor(upstream: URL, originalUrl: string): URL {
  if (!originalUrl.startsWith("/"))
    throw new BadRequestError("The request target must be a path (origin-form).");
  const base = upstream.pathname.replace(/\/$/, "");
  const target = new URL(`${upstream.origin}${base}${originalUrl}`);
  if (target.origin !== upstream.origin)
    throw new BadRequestError("The request target must be a path on the upstream.");
  return target;
}

function hasBody(req: Request): boolean {
  const length = req.get("content-length");
  return req.get("transfer-encoding") !== undefined || (length !== undefined && length !== "0");
}

/**
 * The upstream's headers a client of a taken-over `202` still needs: `Content-Location` (the resource being
 * made, through the proxy and versioned when the upstream wrote it relative), `x-ms-ags-diagnostic`, the
 * `client-request-id` it echoed, its own `request-id` as `Upstream-Request-Id` (what Microsoft support asks
 * for; `request-id` is the proxy's) and the monitor it named as `Upstream-Location`.
 */
function keepUpstreamHeaders(
  answer: UpstreamResponse,
  res: Response,
  monitor: string,
  links: LinkContext | undefined,
): void {
  const contentLocation = firstHeaderValue(answer.headers["content-location"]);
  if (contentLocation !== undefined) {
    res.setHeader(
      "Content-Location",
      links === undefined
        ? contentLocation
        : followableLocation(contentLocation, monitor, links.base, links.prefixes),
    );
  }
  const diagnostic = firstHeaderValue(answer.headers["x-ms-ags-diagnostic"]);
  if (diagnostic !== undefined) res.setHeader("x-ms-ags-diagnostic", diagnostic);
  const clientRequestId = firstHeaderValue(answer.headers["client-request-id"]);
  if (clientRequestId !== undefined) res.setHeader("client-request-id", clientRequestId);
  keepUpstreamRequestId(answer, res);
  res.setHeader("Upstream-Location", monitor);
}
