/** What `sweep` removed. */
export interface SweepResult {
  /** Finished operations past their `expiresAt`, now deleted (subscribers see `deleted`). */
  expired: number;
  /** Deletion markers older than the retention, purged for good. */
  purged: number;
}

/** How long finished operations and deletion markers are kept. */
export interface Retention {
  /** Removes finished operations past `expiresAt` and deletion markers older than `markerRetentionMs`. */
  sweep(now: number, markerRetentionMs: number): Promise<SweepResult>;
}
