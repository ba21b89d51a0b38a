import { z } from "zod";

/**
 * An origin on an allow-list: `https://graph.microsoft.com`, a wildcard subdomain `https://*.sharepoint.com`
 * (one or more labels, not the bare domain), or any port `http://127.0.0.1:*`.
 */
export const originPatternSchema = z.object({
  protocol: z.enum(["http:", "https:"]),
  /** Lower-case host name or address as `URL` writes it (IPv6 in brackets); a leading `*.` matches subdomains. */
  host: z.string(),
  /** The port as `URL` writes it (`""` for the scheme's default), or `"*"` for any port. */
  port: z.string(),
});
export type OriginPattern = z.infer<typeof originPatternSchema>;

/** Parses one allow-list entry; answers a message saying what is wrong when it is not an origin. */
export function parseOriginPattern(value: string): OriginPattern | string {
  const wildcardHost = value.includes("://*.");
  const anyPort = /:\*$/.test(value);
  const candidate = value.replace("://*.", "://wildcard.").replace(/:\*$/, "");
  const problem = `expected an origin such as https://graph.microsoft.com, https://*.sharepoint.com or http://127.0.0.1:*, got "${value}"`;
  if (!URL.canParse(candidate)) return problem;
  const url = new URL(candidate);
  if (url.protocol !== "http:" && url.protocol !== "https:") return problem;
  if (
    url.pathname !== "/" ||
    url.search !== "" ||
    url.hash !== "" ||
    url.username !== "" ||
    url.password !== ""
  ) {
    return `${problem}: an origin has no path, query, fragment or credentials`;
  }
  const host = wildcardHost ? `*.${url.hostname.slice("wildcard.".length)}` : url.hostname;
  return { protocol: url.protocol, host, port: anyPort ? "*" : url.port };
}

/** Whether `url`'s origin is the one the pattern names. */
export function originMatches(pattern: OriginPattern, url: URL): boolean {
  if (url.protocol !== pattern.protocol) return false;
  if (pattern.port !== "*" && url.port !== pattern.port) return false;
  if (pattern.host.startsWith("*.")) {
    const suffix = pattern.host.slice(1);
    return url.hostname.endsWith(suffix) && url.hostname.length > suffix.length;
  }
  return url.hostname === pattern.host;
}

/** The entry as a user writes it, for messages. */
export function formatOriginPattern(pattern: OriginPattern): string {
  return `${pattern.protocol}//${pattern.host}${pattern.port === "" ? "" : `:${pattern.port}`}`;
}
