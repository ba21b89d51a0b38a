import { Readable } from "node:stream";
import { readStartAnswer } from "@lro/core";
import type { Response } from "express";
import { ProxyError } from "../http-errors/proxy-error.js";
import { requestLog } from "../observability/request-logging.js";
import { withoutUpstreamCors } from "../security/cors.js";
import type { OperationRecord } from "../store/operation-record.js";
import { endToEndHeaders, firstHeaderValue } from "../upstream/hop-by-hop.js";
import { isReadableJson, readUpTo } from "../upstream/read-up-to.js";
import type { UpstreamResponse } from "../upstream/upstream-client.js";
import { operationLink, type LinkContext } from "../wire/public-links.js";
import { secondsUntil } from "./monitor-takeover.js";
import { keepUpstreamRequestId, passThrough } from "./upstream-answer.js";

export interface RunningAnswerOptions {
  requestUrl: URL;
  /** The largest answer read (`--max-monitor-answer`); a larger one is passed through unread. */
  limitBytes: number;
  links: LinkContext;
  prefix: string;
  takeOver(monitor: string, retryAfter: string | undefined): Promise<OperationRecord>;
}

/**
 * The `200` or `201` of a forwarded `POST` whose body is an operation still under way, as Graph documents
 * for a call's media actions (a running `playPromptOperation`, its monitor in `Location`) and for
 * `createSnapshot` (a `configurationSnapshotJob` not started yet, whose monitor is its entity): @lro/core's
 * `readStartAnswer` decides, as for its own poller. Such an operation is taken over; the answer keeps the
 * upstream's status and body, so a client reading it sees what Graph sent, and gets `Location` and
 * `Operation-Location` naming the proxy's operation (`Upstream-Location` the monitor), so that it and a
 * generic poller follow it through the proxy. Any other answer is passed through as it came.
 */
export async function forwardRunningAnswer(
  answer: UpstreamResponse,
  res: Response,
  options: RunningAnswerOptions,
): Promise<void> {
  if (!isReadableJson(answer.headers, options.limitBytes)) return passThrough(answer, res);
  const read = await readUpTo(answer.body, options.limitBytes);
  if (read.rest !== undefined) return passThrough(answer, res, read.rest);
  const { bytes } = read;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    const first = firstHeaderValue(value);
    if (first !== undefined) headers[name.toLowerCase()] = first;
  }
  const start = readStartAnswer(
    { status: answer.status, headers, body: bytes.toString("utf8") },
    { requestUrl: options.requestUrl, receivedAt: Date.now() },
  );
  if (!("monitorUrl" in start)) return passThrough(answer, res, Readable.from([bytes]));

  const upstreamLocation = headers["operation-location"] ?? headers.location ?? start.monitorUrl.href;
  let record: OperationRecord | undefined;
  try {
    record = await options.takeOver(start.monitorUrl.href, headers["retry-after"]);
  } catch (error) {
    // Graph's answer is complete as it is: the client gets it, and a note of why the proxy does not follow.
    if (!ProxyError.isInstance(error)) throw error;
    requestLog(res).info({ code: error.code }, error.message);
    res.setHeader(
      "X-Operation-Note",
      `The proxy does not follow this operation (${error.code}): ${error.message}`,
    );
    return passThrough(answer, res, Readable.from([bytes]));
  }
  res.status(answer.status);
  const kept = withoutUpstreamCors(endToEndHeaders(answer.headers, ["content-length"]), res);
  for (const [name, value] of Object.entries(kept)) res.setHeader(name, value);
  keepUpstreamRequestId(answer, res);
  const link = operationLink(options.links, options.prefix, record.id);
  res
    .setHeader("Location", link)
    .setHeader("Operation-Location", link)
    .setHeader("Upstream-Location", upstreamLocation)
    .setHeader("Retry-After", String(secondsUntil(record.schedule.dueAt ?? Date.now(), Date.now())))
    .setHeader("Content-Length", bytes.length)
    .end(bytes);
}
