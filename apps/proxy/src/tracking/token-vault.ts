/** A caller's Graph token for one operation, and the origin it was issued for. */
interface VaultEntry {
  owner: string;
  tokenOrigin: string;
  authorization: string;
}

/**
 * Where callers' tokens live: in memory only, keyed by operation, never written to the store or a log.
 * A restart empties it; operations that need a token then wait for their owner's next request.
 */
export interface TokenVault {
  set(operationId: string, entry: VaultEntry): void;
  get(operationId: string): string | undefined;
  delete(operationId: string): void;
  /** Replaces the token of every operation of `owner` that uses tokens of `tokenOrigin` (a fresher one came). */
  refresh(owner: string, tokenOrigin: string, authorization: string): void;
  readonly size: number;
}

export function createTokenVault(): TokenVault {
  const entries = new Map<string, VaultEntry>();
  const byOwner = new Map<string, Set<string>>();
  return {
    set(operationId, entry) {
      entries.set(operationId, { ...entry });
      let ids = byOwner.get(entry.owner);
      if (ids === undefined) byOwner.set(entry.owner, (ids = new Set()));
      ids.add(operationId);
    },
    get(operationId) {
      return entries.get(operationId)?.authorization;
    },
    delete(operationId) {
      const entry = entries.get(operationId);
      if (entry === undefined) return;
      entries.delete(operationId);
      const ids = byOwner.get(entry.owner);
      ids?.delete(operationId);
      if (ids?.size === 0) byOwner.delete(entry.owner);
    },
    refresh(owner, tokenOrigin, authorization) {
      for (const id of byOwner.get(owner) ?? []) {
        const entry = entries.get(id);
        if (entry !== undefined && entry.tokenOrigin === tokenOrigin) entry.authorization = authorization;
      }
    },
    get size() {
      return entries.size;
    },
  };
}
