import type { Operation, OperationError } from "../models/operation.js";
import { LroError, isErrorClass } from "./lro-error.js";

/** The operation reached `failed` upstream; `operation` is the failed snapshot, `error` its normalised error. */
export class OperationFailedError extends LroError {
  readonly code = "operationFailed";
  readonly operation: Operation;
  readonly error: OperationError | undefined;

  constructor(operation: Operation, options?: { cause?: unknown }) {
    const reason = operation.error
      ? `${operation.error.code}: ${operation.error.message}`
      : "the monitor reported no error details";
    const subject = operation.id === undefined ? `${operation.kind}` : `${operation.kind} "${operation.id}"`;
    super(`Operation ${subject} failed (status "${operation.rawStatus}"): ${reason}`, options);
    this.operation = operation;
    this.error = operation.error;
  }

  static override isInstance = isErrorClass<OperationFailedError>("OperationFailedError");
}
