import { Readable } from "node:stream";
import type { Response } from "express";
import { ProxyError } from "../http-errors/proxy-error.js";
import { requestLog } from "../observability/request-logging.js";
import { withoutUpstreamCors } from "../security/cors.js";
import type { OperationRecord } from "../store/operation-record.js";
import { endToEndHeaders } from "../upstream/hop-by-hop.js";
import { isReadableJson, readUpTo } from "../upstream/read-up-to.js";
import type { UpstreamResponse } from "../upstream/upstream-client.js";
import type { LinkContext } from "../wire/public-links.js";
import { keepUpstreamRequestId, passThrough } from "../routes/upstream-answer.js";
import type { BatchRequestUrls } from "./batch-requests.js";
import { batchResponseSchema, type BatchResponse } from "./batch-schemas.js";
import { takeOverInnerAnswer } from "./inner-answer.js";

export interface BatchAnswerOptions {
  /** Where each inner request went upstream, by id. */
  requests: BatchRequestUrls;
  /** The largest answer read and rewritten; a larger one is passed through as it came. */
  limitBytes: number;
  links: LinkContext;
  /** The forwarding prefix the batch came through: the proxy's operations are linked under it. */
  prefix: string;
  /** Takes over the operation an inner `202` names (the plain `202`'s path). */
  takeOver(monitor: string, requestUrl: URL, retryAfter: string | undefined): Promise<OperationRecord>;
}

/**
 * Answers a batch's `200`: each inner `202` that names a monitor becomes a proxy operation and its headers
 * name it; every other inner answer is left as it came. An answer that is not JSON, is compressed, is larger
 * than the limit or is not a batch answer is passed through untouched.
 */
export async function forwardBatchAnswer(
  answer: UpstreamResponse,
  res: Response,
  options: BatchAnswerOptions,
): Promise<void> {
  if (!isReadableJson(answer.headers, options.limitBytes)) return passThrough(answer, res);
  const read = await readUpTo(answer.body, options.limitBytes);
  if (read.rest !== undefined) return passThrough(answer, res, read.rest);

  const parsed = parseBatchAnswer(read.bytes);
  if (parsed === undefined) return passThrough(answer, res, Readable.from([read.bytes]));
  await Promise.all(
    parsed.responses.map(async (inner) => {
      const requestUrl = options.requests.get(inner.id);
      if (requestUrl === undefined) return;
      await takeOverInnerAnswer(inner, requestUrl, options).catch((error: unknown) => {
        // The upstream accepted this request: the client keeps its monitor, and the answer says why.
        if (!ProxyError.isInstance(error)) throw error;
        requestLog(res).info({ code: error.code, innerId: inner.id }, error.message);
        (inner.headers ??= {})["X-Operation-Note"] =
          `The proxy does not follow this operation (${error.code}): ${error.message}`;
      });
    }),
  );

  const body = Buffer.from(JSON.stringify(parsed));
  res.status(answer.status);
  const headers = withoutUpstreamCors(endToEndHeaders(answer.headers, ["content-length", "etag"]), res);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  keepUpstreamRequestId(answer, res);
  res.setHeader("Content-Length", body.length).end(body);
}

/** The answer as a batch answer (the JSON value itself, unknown fields kept), or `undefined`. */
function parseBatchAnswer(bytes: Buffer): BatchResponse | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
  return batchResponseSchema.safeParse(json).success ? (json as BatchResponse) : undefined;
}
