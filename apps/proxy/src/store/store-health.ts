import type { OperationStore } from "./operation-store.js";

/**
 * SQLite's result codes that mean the file itself is failing (node:sqlite's `errcode`, extended codes
 * included): corrupt, not a database, I/O error, disk full. A query may fail for other reasons (a bad
 * filter, a busy moment); these do not pass on their own.
 */
const failingFileCodes = new Set([10, 11, 13, 26]);

function isFailingFile(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === "number" && failingFileCodes.has(code & 0xff);
}

/**
 * Watches every call of `store`: the first error that says the database file is failing (corrupt, not a
 * database, an I/O error, a full disk) is kept and answered by `health()`, so that `/readyz` turns 503
 * and a load balancer stops sending clients to a proxy whose answers would be 500s or silently partial.
 * It stays until a restart, whose integrity check then refuses or accepts the file.
 */
export function withHealthWatch(store: OperationStore): OperationStore {
  let problem: string | undefined;
  const record = (error: unknown) => {
    if (problem === undefined && isFailingFile(error)) problem = (error as Error).message;
  };
  const watched: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(store)) {
    if (typeof member !== "function") {
      watched[name] = member;
      continue;
    }
    watched[name] = (...args: unknown[]) => {
      try {
        const result: unknown = (member as (...parameters: unknown[]) => unknown).apply(store, args);
        if (result instanceof Promise) {
          return result.catch((error: unknown) => {
            record(error);
            throw error;
          });
        }
        return result;
      } catch (error) {
        record(error);
        throw error;
      }
    };
  }
  watched.health = () => problem;
  return watched as unknown as OperationStore;
}
