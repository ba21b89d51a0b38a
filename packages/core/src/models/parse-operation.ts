import { OperationValidationError } from "../errors/operation-validation-error.js";
import type { OperationValidationIssue } from "../errors/operation-validation-error.js";
import { detectOperationKind } from "./detect-operation-kind.js";
import { flavours } from "./flavours.js";
import { normalise } from "./normalise.js";
import { operationKindSchema } from "./operation-kind.js";
import { readLeaves } from "./read-leaves.js";
import { maximumInnerErrorDepth, readWithWarnings } from "./read-with-warnings.js";
import type { OperationKind } from "./operation-kind.js";
import type { Operation } from "./operation.js";
import { describeReceived, validationIssue } from "./validation-issues.js";

export interface ParseOperationOptions {
  /** Reads the payload as this flavour instead of detecting it. */
  kind?: OperationKind | undefined;
  /**
   * The flavour of the monitor's earlier answers (a poller passes its last snapshot's `kind`): kept
   * unless the payload names its type (`@odata.type`, `@odata.context`) or cannot be read as it, so one
   * monitor's answers read as one flavour however their shape changes.
   */
  kindHint?: OperationKind | undefined;
}

export type SafeParseOperationResult =
  | { success: true; data: Operation; error?: never }
  | { success: false; error: OperationValidationError; data?: never };

export { maximumInnerErrorDepth };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function failure(
  issues: OperationValidationIssue[],
  kind?: OperationKind,
  cause?: unknown,
): SafeParseOperationResult {
  return { success: false, error: new OperationValidationError(issues, { kind, cause }) };
}

const knownKinds: ReadonlySet<unknown> = new Set(operationKindSchema.options);

function optionIssue(name: string, value: unknown): OperationValidationIssue {
  const issue = validationIssue([], `one of ${operationKindSchema.options.join(", ")}`, value);
  return { ...issue, pathText: `options.${name}`, message: issue.message.replace(/^\$/, `options.${name}`) };
}

/**
 * `raw` of the result: a copy of the caller's payload, or the payload itself when it is the reader's own
 * (just parsed from JSON, referenced nowhere else), which spares a copy on every poll.
 */
function rawOf(input: Record<string, unknown>, owned: boolean): Record<string, unknown> {
  return owned ? input : { ...input };
}

function read(kind: OperationKind, input: Record<string, unknown>, owned: boolean): SafeParseOperationResult {
  const flavour = flavours[kind];
  // Most answers are leaves only: read without zod, which still decides (and words) anything else.
  const leaves = readLeaves(flavour, input);
  if (leaves !== undefined) return { success: true, data: normalise(flavour, leaves, rawOf(input, owned)) };
  const result = readWithWarnings(flavour, input);
  if (!result.success) return failure(result.issues, kind, result.cause);
  return { success: true, data: normalise(flavour, result.parsed, rawOf(input, owned), result.warnings) };
}

function parse(
  input: unknown,
  options: ParseOperationOptions | undefined,
  owned: boolean,
): SafeParseOperationResult {
  const forced = options?.kind;
  if (forced !== undefined && !knownKinds.has(forced)) return failure([optionIssue("kind", forced)]);
  const hint = options?.kindHint;
  if (hint !== undefined && !knownKinds.has(hint)) return failure([optionIssue("kindHint", hint)]);
  if (!isRecord(input))
    return failure([validationIssue([], "a JSON object (a Graph operation payload)", input)]);
  if (forced !== undefined) return read(forced, input, owned);
  const kind = detectOperationKind(input, { kindHint: hint }) ?? "longRunningOperation";
  const result = read(kind, input, owned);
  if (result.success || hint === undefined || kind !== hint) return result;
  // The earlier answers' flavour cannot read this one: its own shape decides.
  const detected = detectOperationKind(input) ?? "longRunningOperation";
  return detected === hint ? result : read(detected, input, owned);
}

/** The issue of an input that threw while being read; nothing here may throw in turn. */
function unreadableIssue(input: unknown, cause: unknown): OperationValidationIssue {
  let reason = "reading it threw";
  let received = "a value that cannot be inspected";
  try {
    const message: unknown = cause instanceof Error ? cause.message : undefined;
    if (typeof message === "string") reason = `reading it threw: ${message}`;
  } catch {
    // the thrown value itself cannot be inspected; the generic reason stands
  }
  try {
    received = describeReceived(input);
  } catch {
    // a revoked proxy cannot even be told from an array
  }
  const expected = `a JSON object whose properties can be read (${reason})`;
  return {
    path: [],
    pathText: "$",
    expected,
    received,
    message: `$: expected ${expected}, received ${received}`,
  };
}

/**
 * Reads any Graph operation-monitor payload as the normalised `Operation`. Never throws, whatever the
 * input (null, arrays, cyclic objects, proxies or getters that throw). Only the status (and a payload
 * that is no object) may refuse an answer: an `OperationValidationError` whose `issues` name each bad
 * path. Any other property that cannot be read is left out and listed in `warnings` (kept in `raw`).
 */
export function safeParseOperation(
  input: unknown,
  options?: ParseOperationOptions,
): SafeParseOperationResult {
  try {
    return parse(input, options, false);
  } catch (cause) {
    return failure([unreadableIssue(input, cause)], undefined, cause);
  }
}

/**
 * `safeParseOperation` of a payload the caller has just parsed from JSON and hands over: the result's
 * `raw` is that object itself instead of a copy. The poller's reading of each answer.
 */
export function safeParseOwnedPayload(
  payload: unknown,
  options?: ParseOperationOptions,
): SafeParseOperationResult {
  try {
    return parse(payload, options, true);
  } catch (cause) {
    return failure([unreadableIssue(payload, cause)], undefined, cause);
  }
}

/** Reads any Graph operation-monitor payload as the normalised `Operation`; throws `OperationValidationError`. */
export function parseOperation(input: unknown, options?: ParseOperationOptions): Operation {
  const result = safeParseOperation(input, options);
  if (result.success) return result.data;
  throw result.error;
}
