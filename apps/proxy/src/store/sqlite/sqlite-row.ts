import type { Operation } from "@lro/core";
import type { JsonObject, OperationRecord } from "../operation-record.js";
import { recordFromColumns, type OperationColumns } from "../operation-row.js";

/** A row of `operations` as node:sqlite returns it (JSON as text, booleans as 0 or 1). */
export interface OperationRow extends OperationColumns {
  operation: string;
  pacing: string;
  awaiting_authorization: number;
}

/** Maps a row to a record; absent values stay absent rather than `null`. */
export function toOperationRecord(row: OperationRow): OperationRecord {
  return recordFromColumns(row, {
    operation: JSON.parse(row.operation) as Operation,
    pacing: JSON.parse(row.pacing) as JsonObject,
    awaitingAuthorization: row.awaiting_authorization === 1,
  });
}
