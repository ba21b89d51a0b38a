import { LroError, isErrorClass } from "./lro-error.js";

/** `resumeOperation` was given something that is not a resume token produced by this package. */
export class InvalidResumeTokenError extends LroError {
  readonly code = "invalidResumeToken";
  readonly issues: readonly string[];

  constructor(issues: readonly string[], options?: { cause?: unknown }) {
    super(
      `Not a valid resume token (${issues.join("; ")}); pass a token received through onResumeToken, as saved`,
      options,
    );
    this.issues = issues;
  }

  static override isInstance = isErrorClass<InvalidResumeTokenError>("InvalidResumeTokenError");
}
