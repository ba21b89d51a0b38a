import type { OperationStore } from "../operation-store.js";
import type * as PostgresStore from "./postgres-store.js";
import type { PostgresStoreOptions } from "./postgres-store-options.js";
import { isErrorClass, LroError } from "@lro/core";

/** Raised when a PostgreSQL store is asked for but the optional `pg` package is not installed. */
export class PostgresDriverMissingError extends LroError {
  readonly code = "postgresDriverMissing";

  constructor(cause: unknown) {
    super(
      "--database-url needs the PostgreSQL driver, an optional peer dependency of lro-proxy that is not " +
        "installed: run `npm install pg` (or `pnpm add pg`) next to lro-proxy",
      { cause },
    );
  }

  static override isInstance = isErrorClass<PostgresDriverMissingError>("PostgresDriverMissingError");
}

function isMissingPg(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    /['"]pg['"]|\bpackage 'pg'|\/pg\//.test(error.message)
  );
}

/**
 * Opens the shared PostgreSQL store (see `store/postgres/postgres-store.ts`). The `pg` driver is an
 * optional peer dependency: it is loaded here, on first use, so that the SQLite proxy never needs it.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<OperationStore> {
  let implementation: typeof PostgresStore;
  try {
    implementation = await import("./postgres-store.js");
  } catch (error) {
    if (isMissingPg(error)) throw new PostgresDriverMissingError(error);
    throw error;
  }
  return implementation.openPostgresStore(options);
}
