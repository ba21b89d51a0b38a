import type { AccessTokenProvider, RequestOption } from "@microsoft/kiota-abstractions";
import { MiddlewareFactory } from "@microsoft/kiota-http-fetchlibrary";
import type { Middleware } from "@microsoft/kiota-http-fetchlibrary";
import { awaitAccepted } from "./await-accepted.js";
import { AwaitOperationOption, awaitOperationOptionKey } from "./await-operation-option.js";

/**
 * A handler of Kiota's fetch middleware chain (`@microsoft/kiota-http-fetchlibrary`): a request whose
 * options hold an `AwaitOperationOption` (`{ options: [awaitOperation()] }`) and that answers 202 Accepted
 * resolves only when its operation ended (rejecting with `OperationFailedError` when it failed); the
 * option's `operation` then holds the final operation. The polls get the token of the SDK's own
 * `AccessTokenProvider`, which gives one only to its allowed hosts, and @lro/core sends it only to the
 * request's origin. Place it first in the chain (see `kiotaMiddleware`).
 */
export class LongRunningOperationHandler implements Middleware {
  next: Middleware | undefined;

  constructor(private readonly accessTokenProvider: AccessTokenProvider) {}

  async execute(
    url: string,
    requestInit: RequestInit,
    requestOptions?: Record<string, RequestOption>,
  ): Promise<Response> {
    if (this.next === undefined) throw new Error("LongRunningOperationHandler must not be last in the chain");
    const response = await this.next.execute(url, requestInit, requestOptions);
    const option = requestOptions?.[awaitOperationOptionKey];
    if (!(option instanceof AwaitOperationOption)) return response;
    const token = async () => (await this.accessTokenProvider.getAuthorizationToken(url)) || undefined;
    return awaitAccepted(response, url, option, token);
  }
}

/**
 * Kiota's default middlewares with `LongRunningOperationHandler` in front:
 * `KiotaClientFactory.create(undefined, kiotaMiddleware(accessTokenProvider))`.
 */
export function kiotaMiddleware(accessTokenProvider: AccessTokenProvider): Middleware[] {
  return [new LongRunningOperationHandler(accessTokenProvider), ...MiddlewareFactory.getDefaultMiddlewares()];
}
