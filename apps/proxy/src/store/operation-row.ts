import type { Operation, OperationKind } from "@lro/core";
import type { JsonObject, NotificationState, OperationRecord } from "./operation-record.js";

/**
 * The columns of `operations` that both stores read alike; their rows differ only in how the JSON
 * columns (`operation`, `pacing`) and the `awaiting_authorization` flag arrive.
 */
export interface OperationColumns {
  id: string;
  owner: string;
  kind: string;
  status: string;
  monitor_url: string;
  request_url: string | null;
  token_origin: string | null;
  notification_url: string | null;
  status_note: string | null;
  created_at: number;
  updated_at: number;
  version: number;
  terminal_at: number | null;
  expires_at: number | null;
  deleted_at: number | null;
  due_at: number | null;
  attempt: number;
  consecutive_failures: number;
  lease_owner: string | null;
  lease_until: number | null;
  notification_state: string | null;
  notification_attempts: number;
  notification_due_at: number | null;
}

/** The values a store decoded from its own column types. */
export interface DecodedColumns {
  operation: Operation;
  pacing: JsonObject;
  awaitingAuthorization: boolean;
}

/** Maps a row to a record; absent values stay absent rather than `null`. */
export function recordFromColumns(row: OperationColumns, decoded: DecodedColumns): OperationRecord {
  const record: OperationRecord = {
    id: row.id,
    owner: row.owner,
    kind: row.kind as OperationKind,
    monitorUrl: row.monitor_url,
    operation: decoded.operation,
    awaitingAuthorization: decoded.awaitingAuthorization,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    schedule: {
      attempt: row.attempt,
      consecutiveFailures: row.consecutive_failures,
      pacing: decoded.pacing,
    },
  };
  if (row.request_url !== null) record.requestUrl = row.request_url;
  if (row.token_origin !== null) record.tokenOrigin = row.token_origin;
  if (row.notification_url !== null) record.notificationUrl = row.notification_url;
  if (row.status_note !== null) record.statusNote = row.status_note;
  if (row.terminal_at !== null) record.terminalAt = row.terminal_at;
  if (row.expires_at !== null) record.expiresAt = row.expires_at;
  if (row.due_at !== null) record.schedule.dueAt = row.due_at;
  if (row.lease_owner !== null) record.schedule.polling = true;
  if (row.notification_state !== null) {
    record.notification = {
      state: row.notification_state as NotificationState,
      attempts: row.notification_attempts,
    };
    if (row.notification_due_at !== null) record.notification.dueAt = row.notification_due_at;
  }
  return record;
}
