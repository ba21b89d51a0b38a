import { mayReceiveAuthorization } from "./monitor-url.js";
import type { AuthorizationScope } from "./monitor-url.js";

/** Returns the Authorization header value (`Bearer eyJ...`), asked afresh before every request. */
export type GetAuthorization = () => string | undefined | Promise<string | undefined>;

export interface AuthorizationOptions extends AuthorizationScope {
  /** Headers for every request; an `Authorization` among them obeys the same origin rule. */
  headers?: Readonly<Record<string, string>> | undefined;
  getAuthorization?: GetAuthorization | undefined;
}

/**
 * The headers to send to `url`: the caller's headers over `defaults`, with the Authorization header only
 * when `url` may receive it (see `mayReceiveAuthorization`); `getAuthorization` is not even called otherwise.
 */
export async function requestHeaders(
  url: URL,
  options: AuthorizationOptions,
  defaults: Readonly<Record<string, string>>,
): Promise<{ headers: Record<string, string>; authorizationSent: boolean }> {
  const headers: Record<string, string> = { ...defaults };
  let authorization: string | undefined;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (name.toLowerCase() === "authorization") authorization = value;
    else headers[name.toLowerCase()] = value;
  }
  const allowed = mayReceiveAuthorization(url, options);
  if (allowed && options.getAuthorization)
    authorization = (await options.getAuthorization()) ?? authorization;
  if (allowed && authorization !== undefined) headers["authorization"] = authorization;
  return { headers, authorizationSent: allowed && authorization !== undefined };
}
