import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Response } from "express";
import { requestLog } from "../observability/request-logging.js";
import { withoutUpstreamCors } from "../security/cors.js";
import { endToEndHeaders, firstHeaderValue } from "../upstream/hop-by-hop.js";
import type { UpstreamResponse } from "../upstream/upstream-client.js";

/** `request-id` stays the proxy's own; the upstream's is answered as `Upstream-Request-Id`. */
export function keepUpstreamRequestId(answer: UpstreamResponse, res: Response): void {
  const upstreamRequestId = firstHeaderValue(answer.headers["request-id"]);
  res.setHeader("request-id", res.locals.requestId as string);
  if (upstreamRequestId !== undefined) res.setHeader("Upstream-Request-Id", upstreamRequestId);
}

/**
 * Answers with the upstream's answer as it came: status, end-to-end headers and the body streamed (`body`,
 * when part of it was read already, else the answer's own).
 */
export async function passThrough(
  answer: UpstreamResponse,
  res: Response,
  body: Readable = answer.body,
): Promise<void> {
  res.status(answer.status);
  // The upstream's own CORS headers are not the proxy's: its answer carries the proxy's (cors.ts).
  const headers = withoutUpstreamCors(endToEndHeaders(answer.headers), res);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  keepUpstreamRequestId(answer, res);
  try {
    await pipeline(body, res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
    requestLog(res).info(
      { status: answer.status },
      "client left before the upstream answer was sent in full",
    );
  }
}
