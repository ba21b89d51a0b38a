import type { Operation, PollOptions } from "@lro/core";

/** The key of the option among a Kiota request's options. */
export const awaitOperationOptionKey = "@lro/graph-sdk.awaitOperation";

export interface AwaitOperationSettings {
  /**
   * What the awaited request answers once the operation ended: `operation` (default) the final
   * `Operation` as JSON (status 200); `resource` the resource the operation made, fetched from its
   * `resourceLocation` (the operation itself when it names none).
   */
  result?: "operation" | "resource" | undefined;
  /**
   * How to poll (pacing, `timeout`, `signal`, `maxRetries`, `transport`...): @lro/core's `PollOptions`.
   * The Authorization always comes from the SDK's auth provider.
   */
  poll?: Omit<PollOptions, "getAuthorization" | "headers"> | undefined;
}

/**
 * Opts one request in: when it answers 202 Accepted, the middleware follows its monitor to the end
 * before the request resolves. A Graph client v3 middleware option (`.middlewareOptions([option])`) and a
 * Kiota `RequestOption` (`{ options: [option] }`) alike. After the request, `operation` holds the final
 * operation.
 */
export class AwaitOperationOption {
  readonly result: "operation" | "resource";
  readonly poll: AwaitOperationSettings["poll"];
  /** The operation as it ended, once the awaited request resolved (also when it failed). */
  operation: Operation | undefined;

  constructor(settings: AwaitOperationSettings = {}) {
    this.result = settings.result ?? "operation";
    this.poll = settings.poll;
  }

  getKey(): string {
    return awaitOperationOptionKey;
  }
}

/** Shorthand for `new AwaitOperationOption(settings)`. */
export function awaitOperation(settings?: AwaitOperationSettings): AwaitOperationOption {
  return new AwaitOperationOption(settings);
}
