import { isErrorClass } from "@lro/core";
import { ProxyError } from "./proxy-error.js";

/** The identity sent more requests than its rate limit allows; `retryAfterSeconds` says when to come back. */
export class RateLimitedError extends ProxyError {
  readonly code = "tooManyRequests";
  static override isInstance = isErrorClass<RateLimitedError>("RateLimitedError");

  constructor(
    readonly retryAfterSeconds: number,
    readonly limit: number,
    readonly windowMs: number,
  ) {
    super(
      `Too many requests: the limit is ${limit} requests per ${windowMs / 1000} s for each client. Retry after ${retryAfterSeconds} s.`,
      { innerError: { retryAfterSeconds } },
    );
  }
}

/** The identity already has as many tracked operations as it may; delete finished ones or wait for retention. */
export class TooManyOperationsError extends ProxyError {
  readonly code = "tooManyOperations";
  static override isInstance = isErrorClass<TooManyOperationsError>("TooManyOperationsError");

  constructor(readonly limit: number) {
    super(
      `Too many tracked operations: each client may have ${limit} (setting --max-operations). Delete finished operations (DELETE /operations/{id}) or wait for them to expire.`,
      { innerError: { limit } },
    );
  }
}

/** The identity holds as many open event streams, or waiting requests, as it may; one must end first. */
export class TooManyOpenRequestsError extends ProxyError {
  readonly code = "tooManyOpenRequests";
  static override isInstance = isErrorClass<TooManyOpenRequestsError>("TooManyOpenRequestsError");

  constructor(
    readonly kind: "eventStream" | "wait",
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      kind === "eventStream"
        ? `Too many open event streams: each client may hold ${limit} at once (setting --max-event-streams). Close one, or follow all operations with one stream (GET /operations/events). Retry after ${retryAfterSeconds} s.`
        : `Too many waiting requests: each client may have ${limit} at once (setting --max-waits). Retry after ${retryAfterSeconds} s, or stream the changes (GET /operations/events).`,
      { innerError: { limit, retryAfterSeconds } },
    );
  }
}
