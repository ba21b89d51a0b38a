import { BadRequestError } from "../http-errors/request-errors.js";

/**
 * How long a `GET /operations/{id}` may wait for the operation to end: `?wait=N` (seconds) or the
 * RFC 7240 preference `Prefer: wait=N`; the query wins. A malformed `?wait` is an error; a malformed
 * preference is ignored, as RFC 7240 asks. Capped at `maxSeconds`. Undefined: answer at once.
 */
export function readWaitSeconds(
  query: unknown,
  prefer: string | undefined,
  maxSeconds: number,
): number | undefined {
  const requested = query === undefined ? preferredWait(prefer) : queryWait(query);
  return requested === undefined ? undefined : Math.min(requested, maxSeconds);
}

function queryWait(value: unknown): number {
  if (typeof value === "string" && /^\d{1,6}$/.test(value)) return Number(value);
  throw new BadRequestError(
    `wait must be a whole number of seconds, such as ?wait=30, got ${JSON.stringify(value)}.`,
    { innerError: { queryOption: "wait" } },
  );
}

function preferredWait(prefer: string | undefined): number | undefined {
  if (prefer === undefined) return undefined;
  for (const preference of prefer.split(",")) {
    const match = /^\s*wait\s*=\s*"?(\d{1,6})"?\s*(;.*)?$/i.exec(preference);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}
