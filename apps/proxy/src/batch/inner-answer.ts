import type { OperationRecord } from "../store/operation-record.js";
import { followableLocation, operationLink, type LinkContext } from "../wire/public-links.js";
import { monitorOf, secondsUntil } from "../routes/monitor-takeover.js";
import type { BatchResponseItem } from "./batch-schemas.js";

export interface InnerAnswerContext {
  links: LinkContext;
  prefix: string;
  takeOver(monitor: string, requestUrl: URL, retryAfter: string | undefined): Promise<OperationRecord>;
}

/**
 * An inner `202` of a batch that names a monitor: its operation is taken over, and its headers say so as a
 * plain `202`'s would: `Location` and `Operation-Location` name the proxy's operation, `Upstream-Location`
 * the monitor, `Retry-After` the proxy's first poll, `Content-Location` goes through the proxy. Any other
 * inner answer is left as it is.
 */
export async function takeOverInnerAnswer(
  inner: BatchResponseItem,
  requestUrl: URL,
  context: InnerAnswerContext,
): Promise<void> {
  const headers = inner.headers;
  if (inner.status !== 202 || headers === undefined) return;
  const monitor = monitorOf(headerOf(headers, "operation-location"), headerOf(headers, "location"));
  if (monitor === undefined) return;
  const record = await context.takeOver(monitor, requestUrl, headerOf(headers, "retry-after"));
  const { links } = context;
  const link = operationLink(links, context.prefix, record.id);
  setHeader(headers, "Location", link);
  setHeader(headers, "Operation-Location", link);
  setHeader(headers, "Upstream-Location", monitor);
  setHeader(headers, "Retry-After", String(secondsUntil(record.schedule.dueAt ?? Date.now(), Date.now())));
  const contentLocation = headerOf(headers, "content-location");
  if (contentLocation !== undefined) {
    setHeader(
      headers,
      "Content-Location",
      followableLocation(contentLocation, monitor, links.base, links.prefixes),
    );
  }
}

/** A header of an inner answer, by its name in any case. */
function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Sets a header of an inner answer, replacing it under any spelling of its name. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  }
  headers[name] = value;
}
