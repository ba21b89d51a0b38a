import type { Operation } from "@lro/core";
import type { JsonObject, OperationRecord } from "../operation-record.js";
import { recordFromColumns, type OperationColumns } from "../operation-row.js";

/** A row of `operations` as node-postgres returns it (BIGINT read as number, JSON parsed). */
export interface PostgresOperationRow extends OperationColumns {
  operation: Operation;
  pacing: JsonObject;
  awaiting_authorization: boolean;
}

/** Maps a row to a record; absent values stay absent rather than `null`. */
export function toOperationRecord(row: PostgresOperationRow): OperationRecord {
  return recordFromColumns(row, {
    operation: row.operation,
    pacing: row.pacing,
    awaitingAuthorization: row.awaiting_authorization,
  });
}
