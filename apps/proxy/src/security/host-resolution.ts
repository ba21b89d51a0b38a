import { lookup as lookupAll } from "node:dns/promises";

/** Resolves a host name to every address it has (A and AAAA). Injectable for tests. */
export type HostResolver = (hostname: string) => Promise<string[]>;

export const resolveWithDns: HostResolver = async (hostname) => {
  const addresses = await lookupAll(hostname, { all: true, verbatim: true });
  return addresses.map(({ address }) => address);
};

export interface ResolutionCacheOptions {
  /** How long an answer is reused. */
  ttlMs: number;
  /** Host names kept at most; the oldest answers go first. */
  maxEntries: number;
  now?: () => number;
}

/**
 * Reuses a resolver's answers for `ttlMs`, so that polling many monitors on one host does not ask DNS
 * before every poll. Safe for the egress check: every new connection checks its addresses again.
 */
export function cacheResolutions(resolve: HostResolver, options: ResolutionCacheOptions): HostResolver {
  const now = options.now ?? Date.now;
  const answers = new Map<string, { addresses: Promise<string[]>; expiresAt: number }>();
  return (hostname) => {
    const cached = answers.get(hostname);
    if (cached !== undefined && cached.expiresAt > now()) return cached.addresses;
    answers.delete(hostname);
    if (answers.size >= options.maxEntries) answers.delete(answers.keys().next().value as string);
    const addresses = resolve(hostname);
    answers.set(hostname, { addresses, expiresAt: now() + options.ttlMs });
    addresses.catch(() => answers.delete(hostname));
    return addresses;
  };
}
