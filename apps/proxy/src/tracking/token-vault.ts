import { tokenExpiry } from "../credentials/token-expiry.js";

/** A caller's Graph token for one operation, the origin it was issued for, and when it stops being valid. */
export interface VaultEntry {
  owner: string;
  tokenOrigin: string;
  authorization: string;
  /** Epoch ms; read from the token (a JWT's `exp`) when not given. */
  expiresAt?: number;
}

/** Where a vault's entries are kept across restarts (see `openTokenVaultFile`); absent: memory only. */
export interface VaultPersistence {
  /** The entries kept by the previous process. */
  load(): Array<[operationId: string, entry: Required<VaultEntry>]>;
  /** The vault changed: keep `entries` (the persistence decides when it writes). */
  changed(entries: () => Array<[operationId: string, entry: Required<VaultEntry>]>): void;
  /** Writes what is pending, at once. */
  flush(): void;
}

/** The proxy's own token (app-only credentials), for operations without a caller's token at hand. */
export interface FallbackToken {
  current(): string | undefined;
  renew(refused: string): Promise<string | undefined>;
}

/**
 * Where callers' tokens live, keyed by operation: in memory, and with a persistence (an encrypted file)
 * across restarts too; never in the store or a log. A token is dropped at its expiry. With a fallback
 * (app-only credentials), an operation without a caller's token polls with the proxy's own.
 */
export interface TokenVault {
  set(operationId: string, entry: VaultEntry): void;
  /** The caller's token while valid, else the fallback's, else undefined (the operation waits for one). */
  get(operationId: string): string | undefined;
  delete(operationId: string): void;
  /** Replaces the token of every operation of `owner` that uses tokens of `tokenOrigin` (a fresher one came). */
  refresh(owner: string, tokenOrigin: string, authorization: string): void;
  /**
   * A monitor refused `refused` for this operation: a caller's token is dropped (it cannot be renewed
   * here); answers a renewed token to retry with at once (the fallback's), or undefined.
   */
  renewAfterRefusal(operationId: string, refused: string): Promise<string | undefined>;
  /** Whether operations may poll with a token even when their caller brought none (app-only credentials). */
  readonly hasFallback: boolean;
  readonly size: number;
  /** Writes pending changes (at shutdown). */
  flush(): void;
}

export interface TokenVaultOptions {
  persistence?: VaultPersistence;
  fallback?: FallbackToken;
  /** Tells the time (epoch ms). Default `Date`. */
  clock?: { now(): number };
}

export function createTokenVault(options: TokenVaultOptions = {}): TokenVault {
  const clock = options.clock ?? Date;
  const { persistence, fallback } = options;
  const entries = new Map<string, Required<VaultEntry>>();
  const byOwner = new Map<string, Set<string>>();
  const snapshot = () => [...entries];
  const changed = () => persistence?.changed(snapshot);

  const add = (operationId: string, entry: Required<VaultEntry>) => {
    entries.set(operationId, entry);
    let ids = byOwner.get(entry.owner);
    if (ids === undefined) byOwner.set(entry.owner, (ids = new Set()));
    ids.add(operationId);
  };
  const remove = (operationId: string): boolean => {
    const entry = entries.get(operationId);
    if (entry === undefined) return false;
    entries.delete(operationId);
    const ids = byOwner.get(entry.owner);
    ids?.delete(operationId);
    if (ids?.size === 0) byOwner.delete(entry.owner);
    return true;
  };
  const expiryOf = (entry: VaultEntry) => entry.expiresAt ?? tokenExpiry(entry.authorization, clock.now());

  const now = clock.now();
  for (const [operationId, entry] of persistence?.load() ?? [])
    if (entry.expiresAt > now) add(operationId, entry);

  return {
    set(operationId, entry) {
      add(operationId, { ...entry, expiresAt: expiryOf(entry) });
      changed();
    },
    get(operationId) {
      const entry = entries.get(operationId);
      if (entry !== undefined && entry.expiresAt <= clock.now()) {
        remove(operationId);
        changed();
      } else if (entry !== undefined) {
        return entry.authorization;
      }
      return fallback?.current();
    },
    delete(operationId) {
      if (remove(operationId)) changed();
    },
    refresh(owner, tokenOrigin, authorization) {
      const expiresAt = tokenExpiry(authorization, clock.now());
      let any = false;
      for (const id of byOwner.get(owner) ?? []) {
        const entry = entries.get(id);
        if (entry !== undefined && entry.tokenOrigin === tokenOrigin) {
          entries.set(id, { ...entry, authorization, expiresAt });
          any = true;
        }
      }
      if (any) changed();
    },
    async renewAfterRefusal(operationId, refused) {
      const entry = entries.get(operationId);
      if (entry !== undefined && entry.authorization === refused) {
        remove(operationId);
        changed();
      }
      if (fallback === undefined) return undefined;
      const current = fallback.current();
      if (current !== undefined && current !== refused) return current;
      return fallback.renew(refused);
    },
    hasFallback: fallback !== undefined,
    get size() {
      return entries.size;
    },
    flush() {
      persistence?.flush();
    },
  };
}
