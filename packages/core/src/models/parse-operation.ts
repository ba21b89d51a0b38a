import { OperationValidationError } from "../errors/operation-validation-error.js";
import type { OperationValidationIssue } from "../errors/operation-validation-error.js";
import { detectOperationKind } from "./detect-operation-kind.js";
import { flavours } from "./flavours.js";
import { normalise } from "./normalise.js";
import { operationKindSchema } from "./operation-kind.js";
import { readLeaves } from "./read-leaves.js";
import type { OperationKind } from "./operation-kind.js";
import type { Operation } from "./operation.js";
import { describeReceived, fromZodIssues, validationIssue } from "./validation-issues.js";

export interface ParseOperationOptions {
  /** Reads the payload as this flavour instead of detecting it. */
  kind?: OperationKind | undefined;
}

export type SafeParseOperationResult =
  | { success: true; data: Operation; error?: never }
  | { success: false; error: OperationValidationError; data?: never };

/** How deep `error.innerError.innerError...` may nest. */
export const maximumInnerErrorDepth = 32;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function innerErrorDepthIssue(payload: Record<string, unknown>): OperationValidationIssue | undefined {
  const path: string[] = ["error"];
  let value = payload["error"];
  while (isRecord(value) && isRecord(value["innerError"])) {
    path.push("innerError");
    if (path.length > maximumInnerErrorDepth + 1) {
      return validationIssue(
        path,
        `at most ${maximumInnerErrorDepth} nested innerError levels`,
        value["innerError"],
      );
    }
    value = value["innerError"];
  }
  return undefined;
}

function failure(
  issues: OperationValidationIssue[],
  kind?: OperationKind,
  cause?: unknown,
): SafeParseOperationResult {
  return { success: false, error: new OperationValidationError(issues, { kind, cause }) };
}

const knownKinds: ReadonlySet<unknown> = new Set(operationKindSchema.options);

function parse(input: unknown, options: ParseOperationOptions | undefined): SafeParseOperationResult {
  const forced = options?.kind;
  if (forced !== undefined && !knownKinds.has(forced)) {
    const issue = validationIssue([], `one of ${operationKindSchema.options.join(", ")}`, forced);
    return failure([
      { ...issue, pathText: "options.kind", message: issue.message.replace(/^\$/, "options.kind") },
    ]);
  }
  if (!isRecord(input))
    return failure([validationIssue([], "a JSON object (a Graph operation payload)", input)]);
  const kind = forced ?? detectOperationKind(input) ?? "longRunningOperation";
  const depthIssue = innerErrorDepthIssue(input);
  if (depthIssue !== undefined) return failure([depthIssue], kind);
  const flavour = flavours[kind];
  // Most answers are leaves only: read without zod, which still decides (and words) anything else.
  const leaves = readLeaves(flavour, input);
  if (leaves !== undefined) return { success: true, data: normalise(flavour, leaves, { ...input }) };
  const result = flavour.schema.safeParse(input);
  if (!result.success) {
    // Parsed again to report the values received: reporting them slows every successful parse.
    const reported = flavour.schema.safeParse(input, { reportInput: true }).error ?? result.error;
    return failure(fromZodIssues(reported.issues), kind, reported);
  }
  return { success: true, data: normalise(flavour, result.data, { ...input }) };
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
 * input (null, arrays, cyclic objects, proxies or getters that throw): failures are an
 * `OperationValidationError` whose `issues` name each bad path.
 */
export function safeParseOperation(
  input: unknown,
  options?: ParseOperationOptions,
): SafeParseOperationResult {
  try {
    return parse(input, options);
  } catch (cause) {
    return failure([unreadableIssue(input, cause)], undefined, cause);
  }
}

/** Reads any Graph operation-monitor payload as the normalised `Operation`; throws `OperationValidationError`. */
export function parseOperation(input: unknown, options?: ParseOperationOptions): Operation {
  const result = safeParseOperation(input, options);
  if (result.success) return result.data;
  throw result.error;
}
