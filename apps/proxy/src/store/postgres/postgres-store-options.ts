// The PostgreSQL store's settings, apart from its code: they name no type of the optional `pg` package.

/** Where the feed reports trouble it recovers from (a pino logger fits). */
export interface FeedLogger {
  warn(details: object, message: string): void;
}

export interface PostgresConnectionOptions {
  /** `postgres://user@host:5432/database`; credentials may come from the URL or the PG* environment variables. */
  connectionString: string;
  /** The schema that holds the proxy's tables. Default `lro_proxy`. */
  schema?: string;
  /** Connections in the pool of this process. Default 10. */
  poolSize?: number;
}

export interface PostgresStoreOptions extends PostgresConnectionOptions {
  logger?: FeedLogger;
  /**
   * How often a process looks at the shared schedule although it planned nothing (work adopted by an
   * instance that died, rows freed by an expired lease). Default 1 s.
   */
  rescanIntervalMs?: number;
  /**
   * Callers' tokens live in the memory of the instance they reached: an operation whose monitor needs
   * one is polled by that instance while it is alive (seen within this time), by any other after. Default 10 s.
   */
  instanceTimeoutMs?: number;
  /**
   * `nextDueAt` rounds up to a multiple of this: every instance wakes for the earliest due time, so
   * waking for each due row one by one would cost each instance a claim per row. Default 100 ms.
   */
  wakeGranularityMs?: number;
}
