import type { OperationKind } from "../models/operation-kind.js";
import { isErrorClass, LroError } from "./lro-error.js";

/** One reason a payload is not a valid operation: where, what was expected, what was received. */
export interface OperationValidationIssue {
  /** The path of the bad value inside the payload (`[]` for the payload itself). */
  readonly path: readonly (string | number)[];
  /** The path as text, e.g. `$.error.details[0].code`. */
  readonly pathText: string;
  /** What the value should have been, e.g. `a number 0..100`. */
  readonly expected: string;
  /** What was received, e.g. `"abc"`. */
  readonly received: string;
  /** `pathText: expected ..., received ...`. */
  readonly message: string;
}

const code = "operationValidation";

/** A payload that cannot be read as a Graph operation: `issues` names each bad path. */
export class OperationValidationError extends LroError {
  readonly code = code;
  readonly issues: readonly OperationValidationIssue[];
  /** The flavour the payload was read as, when one was determined. */
  readonly kind: OperationKind | undefined;

  constructor(
    issues: readonly OperationValidationIssue[],
    options: { kind?: OperationKind | undefined; cause?: unknown } = {},
  ) {
    const readAs = options.kind === undefined ? "" : ` (read as ${options.kind})`;
    const lines = issues.map((issue) => `  ${issue.message}`).join("\n");
    super(`The payload is not a valid Graph operation${readAs}:\n${lines}`, { cause: options.cause });
    this.issues = issues;
    this.kind = options.kind;
  }

  static override isInstance = isErrorClass<OperationValidationError>("OperationValidationError");
}
