import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { defaultAllowedOrigins, type ProxyConfig } from "../config.js";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";
import { UpstreamUnavailableError } from "../http-errors/upstream-errors.js";
import { blockedAddressReason, createAddressSet, unbracketHost } from "./address-ranges.js";
import { originMatches, parseOriginPattern, type OriginPattern } from "./origin-pattern.js";
import { cacheResolutions, resolveWithDns, type HostResolver } from "./host-resolution.js";

export type { HostResolver } from "./host-resolution.js";

/**
 * The one object that decides where the proxy may send a request and which requests may carry a
 * caller's token. Every outgoing call (forwarding, monitor polls, notifications) asks it first.
 */
export interface EgressPolicy {
  /** Refuses (throws `EgressDeniedError`) an origin off the allow-list or a host resolving to a blocked range. */
  assertAllowed(url: URL): Promise<void>;
  /**
   * The checks that need no DNS: scheme, credentials, the allow-list, a literal blocked address. For a
   * client whose connections use `lookup`, which checks the resolved addresses when it connects.
   */
  assertOriginAllowed(url: URL): void;
  /** Whether a token issued for `tokenOrigin` may be sent with a request to `url`. */
  mayReceiveToken(url: URL, tokenOrigin: string): boolean;
  /** A `net` lookup that refuses blocked addresses at connect time too (no DNS rebinding between check and call). */
  lookup: LookupFunction;
}

export interface EgressPolicyOptions {
  /** How `assertAllowed` resolves host names (node's DNS, answers reused for 30 s, by default). */
  resolve?: HostResolver;
  /** The lookup sockets use (node's `dns.lookup` by default). */
  socketLookup?: LookupFunction;
}

type EgressConfig = Pick<ProxyConfig, "upstream" | "egress">;

export function createEgressPolicy(config: EgressConfig, options: EgressPolicyOptions = {}): EgressPolicy {
  const upstreamPattern = parseOriginPattern(config.upstream.origin) as OriginPattern;
  const defaults = defaultAllowedOrigins.map((origin) => parseOriginPattern(origin) as OriginPattern);
  const allowedOrigins = [upstreamPattern, ...defaults, ...config.egress.allowOrigins];
  const explicitlyNamedAddresses = [upstreamPattern, ...config.egress.allowOrigins]
    .map((pattern) => unbracketHost(pattern.host))
    .flatMap((host) => (host === "localhost" ? ["127.0.0.1", "::1"] : isIP(host) !== 0 ? [host] : []));
  const isExplicitlyAllowed = createAddressSet([
    ...config.egress.allowAddresses,
    ...explicitlyNamedAddresses,
  ]);
  const resolve = options.resolve ?? cacheResolutions(resolveWithDns, { ttlMs: 30_000, maxEntries: 1000 });
  const socketLookup = options.socketLookup ?? (dnsLookup as LookupFunction);

  const refusal = (address: string): string | undefined => {
    const reason = blockedAddressReason(address);
    return reason === undefined || isExplicitlyAllowed(address) ? undefined : reason;
  };

  const assertOriginAllowed = (url: URL): void => {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new EgressDeniedError(url.protocol, "only http and https are allowed");
    }
    if (url.username !== "" || url.password !== "") {
      throw new EgressDeniedError(url.origin, "addresses with credentials in them are not called");
    }
    if (!allowedOrigins.some((pattern) => originMatches(pattern, url))) {
      throw new EgressDeniedError(
        url.origin,
        "the origin is not on the egress allow-list (setting --allow-origin)",
      );
    }
    const host = unbracketHost(url.hostname);
    const reason = isIP(host) === 0 ? undefined : refusal(host);
    if (reason !== undefined)
      throw new EgressDeniedError(url.origin, `it is ${reason} (allow it with --allow-address)`);
  };

  return {
    assertOriginAllowed,
    async assertAllowed(url) {
      assertOriginAllowed(url);
      const host = unbracketHost(url.hostname);
      if (isIP(host) !== 0) return;
      let addresses: string[];
      try {
        addresses = await resolve(host);
      } catch (error) {
        throw new UpstreamUnavailableError(`Cannot resolve ${url.hostname}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      for (const address of addresses) {
        const reason = refusal(address);
        if (reason !== undefined) {
          throw new EgressDeniedError(
            url.origin,
            `${url.hostname} resolves to ${address}, ${reason} (allow it with --allow-address)`,
          );
        }
      }
    },

    mayReceiveToken(url, tokenOrigin) {
      if (url.username !== "" || url.password !== "") return false;
      if (url.origin === tokenOrigin) return true;
      return config.egress.tokenOrigins.some((pattern) => originMatches(pattern, url));
    },

    lookup(hostname, lookupOptions, callback) {
      socketLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
        if (error !== null) return callback(error, "", 0);
        const list = addresses as unknown as LookupAddress[];
        const refused = list.find(({ address }) => refusal(address) !== undefined);
        if (refused !== undefined) {
          const denial = new EgressDeniedError(
            hostname,
            `${hostname} resolves to ${refused.address}, ${refusal(refused.address)}`,
          );
          return callback(denial as NodeJS.ErrnoException, "", 0);
        }
        if (lookupOptions.all === true) return callback(null, list as never);
        const first = list[0];
        if (first === undefined) return callback(new Error(`${hostname} has no address`), "", 0);
        callback(null, first.address, first.family);
      });
    },
  };
}
