import type { Operation } from "../models/operation.js";
import { LroError, isErrorClass } from "./lro-error.js";

/** The poll's deadline passed before the operation ended; `lastOperation` is the last snapshot seen, if any. */
export class PollTimeoutError extends LroError {
  readonly code = "pollTimeout";
  readonly monitorUrl: string;
  readonly deadline: number;
  readonly lastOperation: Operation | undefined;

  constructor(fields: { monitorUrl: string; deadline: number; lastOperation?: Operation | undefined }) {
    const last = fields.lastOperation
      ? `last status "${fields.lastOperation.rawStatus}"`
      : "no snapshot received";
    super(
      `Polling ${fields.monitorUrl} passed its deadline ${new Date(fields.deadline).toISOString()} (${last}); ` +
        "raise the timeout option or resume later with a resume token",
    );
    this.monitorUrl = fields.monitorUrl;
    this.deadline = fields.deadline;
    this.lastOperation = fields.lastOperation;
  }

  static override isInstance = isErrorClass<PollTimeoutError>("PollTimeoutError");
}
