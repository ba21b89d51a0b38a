import type { OperationFilter } from "./operation-filter.js";
import type { NewOperationRecord, OperationRecord } from "./operation-record.js";

/** Keyset position in the newest-first order `(createdAt DESC, id DESC)`: the last item of the previous page. */
export interface ListCursor {
  createdAt: number;
  id: string;
}

export interface ListOptions {
  /** Items to return (the caller asks one more to learn whether a next page exists). */
  limit: number;
  after?: ListCursor;
  filter?: OperationFilter;
}

/**
 * The followed operations themselves. Every owner-facing query is scoped by `owner`: another identity's
 * operation does not exist for it.
 */
export interface OperationRecords {
  insert(record: NewOperationRecord): Promise<OperationRecord>;
  get(owner: string, id: string): Promise<OperationRecord | undefined>;
  /** Newest first. */
  list(owner: string, options: ListOptions): Promise<OperationRecord[]>;
  /** Operations of the owner still being followed (not finished, not deleted). */
  countActive(owner: string): Promise<number>;
  /** Operations (not deleted) by normalised status, across owners: for metrics. */
  countByStatus(): Promise<Record<string, number>>;
  /** Stops following and forgets the operation; subscribers see `deleted`. False when there was none. */
  remove(owner: string, id: string, now: number): Promise<boolean>;
}
