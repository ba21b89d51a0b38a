import { graphOrigins } from "@lro/core";
import { MiddlewareFactory } from "@microsoft/microsoft-graph-client";
import type { AuthenticationProvider, Context, Middleware } from "@microsoft/microsoft-graph-client";
import { awaitAccepted } from "./await-accepted.js";
import { AwaitOperationOption } from "./await-operation-option.js";

const graphHosts = new Set(graphOrigins.map((origin) => new URL(origin).host));

/** Whether the SDK's token may go to this address: a Graph host, or one of the client's `customHosts`. */
function mayAuthenticate(url: URL, customHosts: ReadonlySet<string> | undefined): boolean {
  if (url.protocol === "https:" && graphHosts.has(url.host)) return true;
  return customHosts !== undefined && (customHosts.has(url.host) || customHosts.has(url.hostname));
}

/**
 * A middleware of `@microsoft/microsoft-graph-client` v3: a request that carries an `AwaitOperationOption`
 * (`.middlewareOptions([awaitOperation()])`) and answers 202 Accepted resolves only when its operation
 * ended, with the final operation (or its resource). The polls get the token of the client's own
 * `authProvider`, and only on Graph's hosts or the client's `customHosts`. Place it first in the chain
 * (see `graphClientMiddleware`).
 */
export class LongRunningOperationMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly authProvider: AuthenticationProvider) {}

  async execute(context: Context): Promise<void> {
    if (this.next === undefined)
      throw new Error("LongRunningOperationMiddleware must not be last in the chain");
    await this.next.execute(context);
    const option = context.middlewareControl?.getMiddlewareOptions(AwaitOperationOption) as
      AwaitOperationOption | undefined;
    if (option === undefined || context.response === undefined) return;
    const requestUrl = typeof context.request === "string" ? context.request : context.request.url;
    const allowed = mayAuthenticate(new URL(requestUrl), context.customHosts);
    const token = async () => (allowed ? await this.authProvider.getAccessToken() : undefined);
    context.response = await awaitAccepted(context.response, requestUrl, option, token);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * The Graph client's default middleware chain with `LongRunningOperationMiddleware` in front:
 * `Client.initWithMiddleware({ middleware: graphClientMiddleware(authProvider) })`.
 */
export function graphClientMiddleware(authProvider: AuthenticationProvider): Middleware[] {
  return [
    new LongRunningOperationMiddleware(authProvider),
    ...MiddlewareFactory.getDefaultMiddlewareChain(authProvider),
  ];
}
