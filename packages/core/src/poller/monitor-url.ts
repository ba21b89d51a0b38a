/** A Graph version segment: `v1.0`, `beta`, `v2.0`... */
const versionSegment = /^(?:v\d+(?:\.\d+)?|beta)$/i;
const absolute = /^[a-z][a-z\d+.-]*:/i;

function splitPath(pathname: string): string[] {
  return pathname.split("/").filter((segment) => segment !== "");
}

/**
 * The absolute address of a status monitor named by a `Location` or `Operation-Location` header.
 * Absolute addresses are kept as they are. A root-relative address without a version segment, as Graph
 * writes them in OData key syntax (`/teams('a')/operations('b')`), resolves against the original request
 * with the request's version segment (`/v1.0`, `/beta`) and anything before it kept, so
 * `https://graph.microsoft.com/v1.0/teams/x/clone` + `/teams('a')/operations('b')` is
 * `https://graph.microsoft.com/v1.0/teams('a')/operations('b')`. Other relative forms follow RFC 3986.
 */
export function resolveMonitorUrl(location: string, requestUrl: string | URL): URL {
  const text = location.trim();
  if (text === "") throw new TypeError("The monitor address is empty: expected the Location header's value");
  if (absolute.test(text) || text.startsWith("//") || !text.startsWith("/")) return new URL(text, requestUrl);
  const request = new URL(requestUrl);
  const requestSegments = splitPath(request.pathname);
  const versionIndex = requestSegments.findIndex((segment) => versionSegment.test(segment));
  if (versionIndex < 0) return new URL(text, request);
  const prefix = requestSegments.slice(0, versionIndex);
  const firstSegment = splitPath(text.split(/[?#]/, 1)[0] ?? "")[0] ?? "";
  const kept = versionSegment.test(firstSegment) ? prefix : requestSegments.slice(0, versionIndex + 1);
  if (kept.length > 0 && text.startsWith(`/${kept.join("/")}/`)) return new URL(text, request);
  return new URL(`/${[...kept, ""].join("/")}${text.slice(1)}`, request);
}

/** An origin as `URL.origin` spells it (`https://contoso.sharepoint.com`), from a URL or an origin string. */
function originOf(value: string | URL): string {
  return value instanceof URL ? value.origin : new URL(value).origin;
}

// The last setting read: every poll of a run names the same requestUrl, so it is parsed once.
let lastSetting: { value: string; origin: string } | undefined;

/** The origin of a caller's setting, or a TypeError naming the setting and how to write it. */
function settingOrigin(value: string | URL, setting: string): string {
  if (typeof value === "string" && lastSetting?.value === value) return lastSetting.origin;
  const origin = value instanceof URL || URL.canParse(value) ? originOf(value) : "null";
  if (origin === "null")
    throw new TypeError(
      `${setting} ${JSON.stringify(String(value))} is not an http(s) address; write it with its scheme, e.g. "https://contoso.sharepoint.com"`,
    );
  if (typeof value === "string") lastSetting = { value, origin };
  return origin;
}

/**
 * Microsoft Graph's own origins (the global service and the national clouds): where a Graph token is meant
 * to go when no original request names its origin.
 */
export const graphOrigins: readonly string[] = Object.freeze([
  "https://graph.microsoft.com",
  "https://graph.microsoft.us",
  "https://dod-graph.microsoft.us",
  "https://microsoftgraph.chinacloudapi.cn",
]);

export interface AuthorizationScope {
  /**
   * The original request's address: its origin may always receive the caller's Authorization. Without it,
   * Graph's own origins (`graphOrigins`) may.
   */
  requestUrl?: string | URL | undefined;
  /** Further origins that may receive it (`https://contoso.sharepoint.com`). */
  trustedOrigins?: readonly (string | URL)[] | undefined;
}

/**
 * Whether the caller's Authorization header may be sent to `monitorUrl`: only to the original request's
 * origin (scheme, host and port), or to Graph's own origins when no request is named, and to origins
 * listed in `trustedOrigins`. A driveItem copy monitor on SharePoint needs no token, and a Graph token
 * must never leak to another host, even when the monitor address alone is all the caller passed.
 */
export function mayReceiveAuthorization(monitorUrl: string | URL, scope: AuthorizationScope): boolean {
  const origin = originOf(monitorUrl);
  if (origin === "null") return false;
  const { requestUrl } = scope;
  if (
    requestUrl === undefined
      ? graphOrigins.includes(origin)
      : settingOrigin(requestUrl, "requestUrl") === origin
  )
    return true;
  return (scope.trustedOrigins ?? []).some(
    (trusted) => settingOrigin(trusted, "trustedOrigins entry") === origin,
  );
}
