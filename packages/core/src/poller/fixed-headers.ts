import { requestHeaders } from "./request-headers.js";
import type { AuthorizationOptions, RequestHeaders } from "./request-headers.js";

/**
 * The headers of a poll loop's requests, with what they were worked out from as it read then. Without
 * `getAuthorization` nothing else goes into them, so every poll reuses them until one of those inputs
 * changes (a caller may change its headers object or its trusted origins between polls).
 */
export interface FixedHeaders {
  /** The headers to send (see `requestHeaders`). */
  readonly send: RequestHeaders["headers"];
  readonly authorizationSent: boolean;
  /** The caller's headers they were worked out from. */
  readonly headers: AuthorizationOptions["headers"];
  /** The caller's headers as read: name, value, name, value... */
  readonly headerEntries: readonly string[];
  readonly requestUrl: AuthorizationOptions["requestUrl"];
  readonly requestHref: string | undefined;
  readonly trustedOrigins: AuthorizationOptions["trustedOrigins"];
  readonly trustedEntries: readonly string[];
}

const textOf = (value: string | URL): string => (typeof value === "string" ? value : value.href);

/** What no headers and no trusted origins read as: one array for every poll loop. */
const none: readonly string[] = Object.freeze([]);

function entriesOf(headers: Headers): readonly string[] {
  if (headers === undefined) return none;
  const names = Object.keys(headers);
  if (names.length === 0) return none;
  const entries = new Array<string>(names.length * 2);
  for (let index = 0; index < names.length; index += 1) {
    entries[index * 2] = names[index]!;
    entries[index * 2 + 1] = headers[names[index]!]!;
  }
  return entries;
}

function sameHeaders(headers: Headers, entries: readonly string[]): boolean {
  if (headers === undefined) return entries.length === 0;
  let index = 0;
  for (const name in headers) {
    if (!Object.hasOwn(headers, name)) continue;
    if (entries[index] !== name || entries[index + 1] !== headers[name]) return false;
    index += 2;
  }
  return index === entries.length;
}

function sameTrusted(trusted: TrustedOrigins, entries: readonly string[]): boolean {
  const count = trusted?.length ?? 0;
  if (count !== entries.length) return false;
  for (let index = 0; index < count; index += 1)
    if (textOf(trusted![index]!) !== entries[index]) return false;
  return true;
}

type Headers = AuthorizationOptions["headers"];
type RequestUrl = AuthorizationOptions["requestUrl"];
type TrustedOrigins = AuthorizationOptions["trustedOrigins"];

/** Whether `fixed` was worked out from these very inputs, as they read now. */
function stillHolds(
  fixed: FixedHeaders,
  headers: Headers,
  requestUrl: RequestUrl,
  trustedOrigins: TrustedOrigins,
): boolean {
  return (
    fixed.headers === headers &&
    fixed.requestUrl === requestUrl &&
    fixed.trustedOrigins === trustedOrigins &&
    (requestUrl === undefined || typeof requestUrl === "string" || requestUrl.href === fixed.requestHref) &&
    sameHeaders(headers, fixed.headerEntries) &&
    sameTrusted(trustedOrigins, fixed.trustedEntries)
  );
}

/**
 * The headers for a GET of `url` without `getAuthorization` (see `requestHeaders`): `previous` when its
 * inputs have not changed, else worked out afresh. Throws as `requestHeaders` does for a bad setting.
 */
export function fixedRequestHeaders(
  url: URL,
  headers: Headers,
  requestUrl: RequestUrl,
  trustedOrigins: TrustedOrigins,
  defaults: Readonly<Record<string, string>>,
  previous: FixedHeaders | undefined,
): FixedHeaders {
  if (previous !== undefined && stillHolds(previous, headers, requestUrl, trustedOrigins)) return previous;
  const planned = requestHeaders(url, { headers, requestUrl, trustedOrigins }, defaults) as RequestHeaders;
  return {
    send: planned.headers,
    authorizationSent: planned.authorizationSent,
    headers,
    headerEntries: entriesOf(headers),
    requestUrl,
    requestHref: requestUrl === undefined ? undefined : textOf(requestUrl),
    trustedOrigins,
    trustedEntries:
      trustedOrigins === undefined || trustedOrigins.length === 0 ? none : trustedOrigins.map(textOf),
  };
}
