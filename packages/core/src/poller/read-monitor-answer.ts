import { MonitorAuthorizationError } from "../errors/monitor-authorization-error.js";
import { OperationNotFoundError } from "../errors/operation-not-found-error.js";
import { OperationValidationError } from "../errors/operation-validation-error.js";
import type { OperationKind } from "../models/operation-kind.js";
import type { Operation } from "../models/operation.js";
import { safeParseOwnedPayload } from "../models/parse-operation.js";
import type { MonitorAnswer } from "./monitor-answer.js";
import { parseRetryAfter } from "./retry-after.js";
import { seeOtherOperation } from "./see-other.js";
import type { TransportResponse } from "./transport.js";
import { upstreamAnswerError } from "./upstream-answer-error.js";

export interface ReadContext {
  url: URL;
  receivedAt: number;
  authorizationSent: boolean;
  kind?: OperationKind | undefined;
  previous?: Operation | undefined;
}

function invalidBody(
  body: string,
  kind: OperationKind | undefined,
  cause: unknown,
): OperationValidationError {
  const received =
    body.trim() === ""
      ? "an empty body"
      : `${JSON.stringify(body.slice(0, 80))}${body.length > 80 ? "..." : ""}`;
  const expected = "a JSON object (the operation's status)";
  const issue = {
    path: [],
    pathText: "$",
    expected,
    received,
    message: `$: expected ${expected}, received ${received}`,
  };
  return new OperationValidationError([issue], { kind, cause });
}

/** A 202 Accepted without a body, before any snapshot: the service took the work and says no more. */
function acceptedOperation(kind: OperationKind | undefined): Operation {
  return { kind: kind ?? "longRunningOperation", status: "running", rawStatus: "running", raw: {} };
}

function hasProperties(value: object): boolean {
  for (const name in value) if (Object.hasOwn(value, name)) return true;
  return false;
}

/**
 * The answer's top-level strings that equal the previous answer's become that answer's own (an id, a date,
 * an address repeated on every poll): the snapshot a poll loop keeps until its next poll then holds only
 * what changed, and the fresh copies die young instead of being kept (and promoted) for that time.
 */
function shareStrings(payload: unknown, previous: Record<string, unknown>): void {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return;
  const fresh = payload as Record<string, unknown>;
  for (const name in fresh) {
    const value = fresh[name];
    // JSON.parse makes plain objects: every name `in` lists is the object's own.
    if (typeof value === "string") {
      const before = previous[name];
      if (before === value) fresh[name] = before;
    }
  }
}

/** The last `@odata.context` read: the same text for every operation of a kind. */
let lastContext: string | undefined;

/**
 * The answer's `@odata.context` as the one string kept for it: every monitor of a kind names the same, so
 * thousands of operations hold one copy between them instead of one each.
 */
function shareContext(payload: unknown): void {
  if (typeof payload !== "object" || payload === null) return;
  const fresh = payload as Record<string, unknown>;
  const context = fresh["@odata.context"];
  if (typeof context !== "string") return;
  if (context === lastContext) fresh["@odata.context"] = lastContext;
  else lastContext = context;
}

function readBody(response: TransportResponse, context: ReadContext): Operation {
  let payload: unknown;
  try {
    payload = JSON.parse(response.body);
  } catch (cause) {
    throw invalidBody(response.body, context.kind, cause);
  }
  if (context.previous !== undefined) shareStrings(payload, context.previous.raw);
  else shareContext(payload);
  // The flavour of a monitor never changes: later answers keep the earlier ones' (unless they name theirs).
  const previousKind =
    context.previous && hasProperties(context.previous.raw) ? context.previous.kind : undefined;
  const result = safeParseOwnedPayload(payload, { kind: context.kind, kindHint: previousKind });
  if (!result.success) throw result.error;
  return keepNamesOf(result.data, context.previous);
}

/**
 * A monitor's later answers may leave out what earlier ones named (a finished driveItem copy drops its
 * `operation: "ItemCopy"`): it is still the same operation, so the names read before are kept. `raw`
 * stays the answer as received.
 */
function keepNamesOf(operation: Operation, previous: Operation | undefined): Operation {
  if (previous === undefined) return operation;
  if (operation.type === undefined && previous.type !== undefined) operation.type = previous.type;
  if (operation.operationType === undefined && previous.operationType !== undefined)
    operation.operationType = previous.operationType;
  return operation;
}

/**
 * A monitor's HTTP answer read with Graph's semantics: a 200, 201 or 202 body decides the status (a 202
 * without a body keeps the previous snapshot, or reads as running); 303 See Other means succeeded;
 * 404/410, 401/403 and other statuses throw their typed errors.
 */
export function readMonitorAnswer(response: TransportResponse, context: ReadContext): MonitorAnswer {
  const { status, headers } = response;
  const retryAfterMs = parseRetryAfter(headers["retry-after"], context.receivedAt);
  if (status === 303 && headers["location"]) {
    // A redirect's Location resolves as RFC 9110 says, against the monitor's own address.
    const location = new URL(headers["location"], context.url).href;
    return answerOf(
      seeOtherOperation(location, context.previous, context.kind),
      status,
      context,
      retryAfterMs,
    );
  }
  if (status === 202 && response.body.trim() === "")
    return answerOf(context.previous ?? acceptedOperation(context.kind), status, context, retryAfterMs);
  if (status >= 200 && status < 300)
    return answerOf(readBody(response, context), status, context, retryAfterMs);
  const url = context.url.href;
  if (status === 404 || status === 410)
    throw new OperationNotFoundError({ monitorUrl: url, httpStatus: status });
  if (status === 401 || status === 403)
    throw new MonitorAuthorizationError({
      monitorUrl: url,
      httpStatus: status,
      authorizationSent: context.authorizationSent,
    });
  throw upstreamAnswerError(url, response, retryAfterMs);
}

function answerOf(
  operation: Operation,
  httpStatus: number,
  context: ReadContext,
  retryAfterMs: number | undefined,
): MonitorAnswer {
  const { receivedAt } = context;
  return retryAfterMs === undefined
    ? { operation, httpStatus, receivedAt }
    : { operation, httpStatus, receivedAt, retryAfterMs };
}
