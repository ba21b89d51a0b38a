import { pipeline } from "node:stream/promises";
import { parseRetryAfter, resolveMonitorUrl } from "@lro/core";
import { Router, type Request, type Response } from "express";
import type { ProxyConfig } from "../config.js";
import { ProxyError } from "../http-errors/proxy-error.js";
import { BadRequestError } from "../http-errors/request-errors.js";
import { UpstreamUnavailableError } from "../http-errors/upstream-errors.js";
import { requestLog } from "../observability/request-logging.js";
import type { EgressPolicy } from "../security/egress-policy.js";
import type { Identity } from "../security/identities.js";
import type { Tracker } from "../tracking/tracker.js";
import { assertDeclaredLength, limitBody } from "../upstream/body-limit.js";
import { endToEndHeaders, firstHeaderValue } from "../upstream/hop-by-hop.js";
import type { UpstreamClient, UpstreamResponse } from "../upstream/upstream-client.js";
import { withoutUpstreamCors } from "../security/cors.js";
import { ownAnswersCacheControl } from "../wire/cache-control.js";
import { followableLocation, linkContextOf, operationLink, type LinkContext } from "../wire/public-links.js";
import { toWireOperation } from "../wire/wire-operation.js";

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
 * that names a monitor: that operation is adopted and answered as the proxy's own resource.
 */
export function createForwardingRouter({
  config,
  upstream,
  tracker,
  egress,
}: ForwardingRouterOptions): Router {
  const router = Router();
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

    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const answer = await upstream.request(
      {
        url: target,
        method: req.method,
        headers,
        body: hasBody(req) ? req.pipe(limitBody(config.limits.bodyBytes)) : undefined,
        signal: abort.signal,
      },
      "forward",
    );

    const monitor = answer.status === 202 ? monitorLocation(answer) : undefined;
    if (monitor === undefined) return passThrough(answer, res);

    await answer.body.dump();
    const retryAfterMs = parseRetryAfter(firstHeaderValue(answer.headers["retry-after"]), Date.now());
    const notificationUrl = req.get("x-notification-url");
    // Started in a promise so that an unreadable monitor address gets the same handling as a refusal.
    const record = await Promise.resolve()
      .then(() =>
        tracker.adopt({
          owner: identity.id,
          monitorUrl: monitorAddress(monitor, target),
          requestUrl: target.href,
          ...(authorization === undefined || !egress.mayReceiveToken(target, config.upstream.origin)
            ? {}
            : { authorization }),
          ...(notificationUrl === undefined ? {} : { notificationUrl }),
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        }),
      )
      .catch((error: unknown) => {
        // The upstream accepted the work: whatever keeps the proxy from following it, the client keeps the monitor.
        if (ProxyError.isInstance(error)) error.innerError.upstreamStatus = 202;
        if (ProxyError.isInstance(error)) error.innerError.upstreamLocation = monitor;
        throw error;
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

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

function hasBody(req: Request): boolean {
  const length = req.get("content-length");
  return req.get("transfer-encoding") !== undefined || (length !== undefined && length !== "0");
}

/** The absolute address of the monitor a `202` named; a 502 that says so when it is not an address. */
function monitorAddress(monitor: string, target: URL): string {
  try {
    return resolveMonitorUrl(monitor, target).href;
  } catch (error) {
    throw new UpstreamUnavailableError(
      `The upstream accepted the request (202) but the proxy cannot read the monitor address it named (${JSON.stringify(monitor)}); the work goes on upstream, and the proxy does not follow it.`,
      { cause: error },
    );
  }
}

/** The monitor a `202` names: `Operation-Location` when present (it is always the monitor), else `Location`. */
function monitorLocation(answer: UpstreamResponse): string | undefined {
  const value =
    firstHeaderValue(answer.headers["operation-location"]) ?? firstHeaderValue(answer.headers.location);
  return value === undefined || value.trim() === "" ? undefined : value.trim();
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

/** `request-id` stays the proxy's own; the upstream's is answered as `Upstream-Request-Id`. */
function keepUpstreamRequestId(answer: UpstreamResponse, res: Response): void {
  const upstreamRequestId = firstHeaderValue(answer.headers["request-id"]);
  res.setHeader("request-id", res.locals.requestId as string);
  if (upstreamRequestId !== undefined) res.setHeader("Upstream-Request-Id", upstreamRequestId);
}

async function passThrough(answer: UpstreamResponse, res: Response): Promise<void> {
  res.status(answer.status);
  const headers = withoutUpstreamCors(endToEndHeaders(answer.headers), res);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  keepUpstreamRequestId(answer, res);
  try {
    await pipeline(answer.body, res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
    requestLog(res).info(
      { status: answer.status },
      "client left before the upstream answer was sent in full",
    );
  }
}
