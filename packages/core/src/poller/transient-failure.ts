import { OperationValidationError } from "../errors/operation-validation-error.js";
import { TransportError } from "../errors/transport-error.js";
import { UpstreamHttpError } from "../errors/upstream-http-error.js";

/** Whether a failed poll is worth another try, and the Retry-After it carried. */
export function transientFailure(error: unknown): { retryAfterMs: number | undefined } | undefined {
  if (UpstreamHttpError.isInstance(error))
    return error.transient ? { retryAfterMs: error.retryAfterMs } : undefined;
  if (TransportError.isInstance(error) || OperationValidationError.isInstance(error))
    return { retryAfterMs: undefined };
  return undefined;
}
