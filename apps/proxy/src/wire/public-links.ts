import type { Request } from "express";

/**
 * Where the links the proxy writes start: `Location`, `Operation-Location`, `@odata.nextLink` and rewritten
 * `resourceLocation`s. Never the request's own `Host`, which any client can set:
 * - `--public-url` when it is configured;
 * - else, behind a trusted reverse proxy (`--trust-proxy`), the scheme and host it forwarded;
 * - else the address the connection arrived at (the listen address) and the proxy's own scheme.
 */
export interface PublicLinks {
  /** The base of this request's links: scheme, host and any path, without a trailing slash. */
  baseOf(req: Request): string;
  /** The version prefixes the proxy forwards (`/v1.0`, `/beta`); operations are served under each too. */
  readonly prefixes: readonly string[];
}

export interface PublicLinksOptions {
  publicUrl?: URL | undefined;
  /** Whether forwarded headers are believed (Express's `trust proxy` decides from whom). */
  trustProxy: boolean;
  prefixes: readonly string[];
}

export function createPublicLinks(options: PublicLinksOptions): PublicLinks {
  const fixed = options.publicUrl?.href.replace(/\/+$/, "");
  return {
    prefixes: options.prefixes,
    baseOf(req) {
      if (fixed !== undefined) return fixed;
      const scheme = (req.socket as { encrypted?: boolean }).encrypted === true ? "https" : "http";
      // Express reads X-Forwarded-Proto and -Host only from the proxies `trust proxy` names.
      if (options.trustProxy && req.get("x-forwarded-host") !== undefined && req.host !== undefined) {
        return `${req.protocol}://${req.host}`;
      }
      return `${scheme}://${hostOf(req.socket.localAddress)}:${req.socket.localPort}`;
    },
  };
}

function hostOf(address: string | undefined): string {
  if (address === undefined) return "localhost";
  const plain = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return plain.includes(":") ? `[${plain}]` : plain;
}

/** The version prefix an address lives under (`/v1.0` of `https://graph.microsoft.com/v1.0/...`), else the first. */
export function versionOf(address: string, prefixes: readonly string[]): string {
  let path = address;
  if (URL.canParse(address)) path = new URL(address).pathname;
  const lower = path.toLowerCase();
  return (
    prefixes.find(
      (prefix) => lower === prefix.toLowerCase() || lower.startsWith(`${prefix.toLowerCase()}/`),
    ) ??
    prefixes[0] ??
    ""
  );
}

/**
 * A `resourceLocation` a client can follow: a relative one (`/groups('…')/team`, Graph leaves out the
 * version) becomes absolute under the proxy's base with the monitor's version, so it is forwarded upstream
 * and resolves as the upstream meant; an absolute one is left as the upstream wrote it.
 */
export function followableLocation(
  location: string,
  monitorUrl: string,
  base: string,
  prefixes: readonly string[],
): string {
  if (!location.startsWith("/") || location.startsWith("//")) return location;
  const lower = location.toLowerCase();
  const versioned = prefixes.some(
    (prefix) => lower === prefix.toLowerCase() || lower.startsWith(`${prefix.toLowerCase()}/`),
  );
  return `${base}${versioned ? "" : versionOf(monitorUrl, prefixes)}${location}`;
}

/** What serialising an operation for one answer needs to write its links. */
export interface LinkContext {
  base: string;
  prefixes: readonly string[];
}

/** The link context of a request, from the `PublicLinks` the app was built with (`app.locals.publicLinks`). */
export function linkContextOf(req: Request): LinkContext {
  const links = (req.app.locals.publicLinks as PublicLinks | undefined) ?? listenAddressLinks;
  return { base: links.baseOf(req), prefixes: links.prefixes };
}

/** Links of an app built without settings (a router on its own): the listen address, no prefixes. */
const listenAddressLinks = createPublicLinks({ trustProxy: false, prefixes: [] });

/** The address of an operation, absolute under the base, under `prefix` (`/v1.0`) or at the top level. */
export function operationLink(links: LinkContext | undefined, prefix: string, id: string): string {
  return `${links?.base ?? ""}${prefix}/operations/${encodeURIComponent(id)}`;
}
