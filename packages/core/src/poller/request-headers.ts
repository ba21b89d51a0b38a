import { mayReceiveAuthorization } from "./monitor-url.js";
import type { AuthorizationScope } from "./monitor-url.js";

/** Returns the Authorization header value (`Bearer eyJ...`), asked afresh before every request. */
export type GetAuthorization = () => string | undefined | Promise<string | undefined>;

export interface AuthorizationOptions extends AuthorizationScope {
  /** Headers for every request; an `Authorization` among them obeys the same origin rule. */
  headers?: Readonly<Record<string, string>> | undefined;
  getAuthorization?: GetAuthorization | undefined;
}

export interface RequestHeaders {
  headers: Record<string, string>;
  authorizationSent: boolean;
}

function composeHeaders(
  options: AuthorizationOptions,
  defaults: Readonly<Record<string, string>>,
  allowed: boolean,
  fetched: string | undefined,
): RequestHeaders {
  const headers: Record<string, string> = { ...defaults };
  let authorization: string | undefined;
  const given = options.headers;
  if (given !== undefined)
    for (const name of Object.keys(given)) {
      const lower = name.toLowerCase();
      if (lower === "authorization") authorization = given[name];
      else headers[lower] = given[name]!;
    }
  authorization = fetched ?? authorization;
  if (allowed && authorization !== undefined) headers["authorization"] = authorization;
  return { headers, authorizationSent: allowed && authorization !== undefined };
}

async function withFetchedAuthorization(
  options: AuthorizationOptions,
  defaults: Readonly<Record<string, string>>,
): Promise<RequestHeaders> {
  return composeHeaders(options, defaults, true, (await options.getAuthorization?.()) ?? undefined);
}

/**
 * The headers to send to `url`: the caller's headers over `defaults`, with the Authorization header only
 * when `url` may receive it (see `mayReceiveAuthorization`); `getAuthorization` is not even called otherwise.
 * Without `getAuthorization` to wait for, the answer is ready at once (no promise).
 */
export function requestHeaders(
  url: URL,
  options: AuthorizationOptions,
  defaults: Readonly<Record<string, string>>,
): RequestHeaders | Promise<RequestHeaders> {
  const allowed = mayReceiveAuthorization(url, options);
  if (allowed && options.getAuthorization) return withFetchedAuthorization(options, defaults);
  return composeHeaders(options, defaults, allowed, undefined);
}
