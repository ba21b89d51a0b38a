import type { OperationValidationIssue } from "../errors/operation-validation-error.js";
import type { Flavour } from "./flavour.js";
import type { OperationWarning } from "./operation.js";
import { fromZodIssues } from "./validation-issues.js";

/** How deep `error.innerError.innerError...` may nest; deeper levels are left out with a warning. */
export const maximumInnerErrorDepth = 32;

export type ReadResult =
  | { success: true; parsed: Record<string, unknown>; warnings: OperationWarning[] }
  | { success: false; issues: OperationValidationIssue[]; cause: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The status is the one property an answer cannot be read without (with the flavour, told before). */
function isFatal(issue: OperationValidationIssue): boolean {
  return issue.path[0] === "status";
}

function innerErrorTooDeep(payload: Record<string, unknown>): OperationWarning | undefined {
  const path: string[] = ["error"];
  let value = payload["error"];
  while (isRecord(value) && isRecord(value["innerError"])) {
    path.push("innerError");
    if (path.length > maximumInnerErrorDepth + 1) {
      const expected = `at most ${maximumInnerErrorDepth} nested innerError levels`;
      const pathText = `$.${path.join(".")}`;
      return {
        path,
        pathText,
        expected,
        received: "an object",
        message: `${pathText}: expected ${expected}, received an object`,
      };
    }
    value = value["innerError"];
  }
  return undefined;
}

/** A copy of `value` without what `path` names (an array loses the element); copies only along the path. */
function without(value: unknown, path: readonly (string | number)[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  if (Array.isArray(value) && typeof head === "number") {
    if (rest.length === 0) return value.filter((_element, index) => index !== head);
    return value.map((element, index) => (index === head ? without(element, rest) : element));
  }
  if (isRecord(value)) {
    const copy: Record<string, unknown> = { ...value };
    if (rest.length === 0) delete copy[head];
    else copy[head] = without(value[head], rest);
    return copy;
  }
  return value;
}

const maximumRounds = 8;

/**
 * The payload read by its flavour's schema. A property whose value cannot be read (a malformed date, an
 * unexpected shape) is left out, deepest first, and reported as a warning: its value stays in `raw`.
 * Only the status may refuse the answer.
 */
export function readWithWarnings(flavour: Flavour, input: Record<string, unknown>): ReadResult {
  const warnings: OperationWarning[] = [];
  let candidate = input;
  const tooDeep = innerErrorTooDeep(candidate);
  if (tooDeep !== undefined) {
    warnings.push(tooDeep);
    candidate = without(candidate, tooDeep.path) as Record<string, unknown>;
  }
  for (let round = 0; round < maximumRounds; round++) {
    const result = flavour.schema.safeParse(candidate);
    if (result.success) return { success: true, parsed: result.data, warnings };
    // Parsed again to report the values received: reporting them slows every successful parse.
    const reported = flavour.schema.safeParse(candidate, { reportInput: true }).error ?? result.error;
    const issues = fromZodIssues(reported.issues);
    if (issues.some(isFatal) || issues.length === 0) return { success: false, issues, cause: reported };
    warnings.push(...issues.map((issue) => ({ ...issue, path: [...issue.path] })));
    // On the last rounds, whole properties go: what is left always reads.
    const prune =
      round < maximumRounds / 2
        ? issues.map((issue) => issue.path)
        : issues.map((issue) => issue.path.slice(0, 1));
    // Deepest and last elements first, so earlier array indexes stay valid.
    for (const path of [...prune].sort((a, b) =>
      String(b.at(-1)).localeCompare(String(a.at(-1)), undefined, { numeric: true }),
    ))
      candidate = without(candidate, path) as Record<string, unknown>;
  }
  const result = flavour.schema.safeParse(candidate);
  if (result.success) return { success: true, parsed: result.data, warnings };
  return { success: false, issues: fromZodIssues(result.error.issues), cause: result.error };
}
