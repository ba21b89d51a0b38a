/**
 * The store's SQL. Every statement is one round trip. A statement that gives a row a new version takes
 * it from `change_sequence` first (locking that row until commit, so versions commit in order) and only
 * then touches `operations`: one lock order everywhere, no deadlock. Claims lock rows only, and skip
 * the locked ones.
 */
export const statements = {
  insert: `WITH next AS (UPDATE change_sequence SET value = value + 1 RETURNING value)
    INSERT INTO operations (id, owner, kind, status, monitor_url, request_url, token_origin, notification_url,
      operation, created_at, updated_at, version, due_at, pacing, home_instance)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, next.value, $11, $12,
      CASE WHEN $7::text IS NULL THEN NULL ELSE $13 END
    FROM next
    RETURNING *`,

  selectOne: "SELECT * FROM operations WHERE owner = $1 AND id = $2 AND deleted_at IS NULL",

  remove: `WITH target AS (SELECT 1 FROM operations WHERE owner = $1 AND id = $2 AND deleted_at IS NULL),
      next AS (UPDATE change_sequence SET value = value + 1 WHERE EXISTS (SELECT 1 FROM target) RETURNING value)
    UPDATE operations SET deleted_at = $3, updated_at = $3, version = (SELECT value FROM next), due_at = NULL,
      notification_due_at = NULL, lease_owner = NULL, lease_until = NULL, awaiting_authorization = FALSE
    WHERE owner = $1 AND id = $2 AND deleted_at IS NULL
    RETURNING *`,

  /** Rows whose token another live instance holds ($5: this instance, $6: seen since) are left to it. */
  claimDue: `UPDATE operations AS row SET lease_owner = $1, lease_until = $2, due_at = $2
    FROM (SELECT id FROM operations AS candidate
          WHERE due_at IS NOT NULL AND due_at <= $3 AND deleted_at IS NULL
            AND (home_instance IS NULL OR home_instance = $5 OR NOT EXISTS (
              SELECT 1 FROM instances WHERE instances.id = candidate.home_instance AND seen_at >= $6))
          ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED) AS due
    WHERE row.id = due.id
    RETURNING row.*`,

  claimDueNotifications: `UPDATE operations AS row SET lease_owner = $1, lease_until = $2, notification_due_at = $2
    FROM (SELECT id FROM operations WHERE notification_due_at IS NOT NULL AND notification_due_at <= $3
            AND deleted_at IS NULL
          ORDER BY notification_due_at LIMIT $4 FOR UPDATE SKIP LOCKED) AS due
    WHERE row.id = due.id
    RETURNING row.*`,

  recordPoll: `WITH next AS (UPDATE change_sequence SET value = value + 1 WHERE $3::boolean RETURNING value)
    UPDATE operations SET kind = $4, status = $5, operation = $6, status_note = $7, awaiting_authorization = $8,
      updated_at = CASE WHEN $3::boolean THEN $9 ELSE updated_at END,
      version = COALESCE((SELECT value FROM next), version), due_at = $10, attempt = $11,
      consecutive_failures = $12, pacing = $13, terminal_at = COALESCE($14, terminal_at),
      expires_at = COALESCE($15, expires_at),
      notification_state = CASE WHEN $16::bigint IS NULL THEN notification_state ELSE 'pending' END,
      notification_due_at = COALESCE($16, notification_due_at),
      token_origin = CASE WHEN $17::boolean THEN token_origin ELSE $18 END,
      lease_owner = NULL, lease_until = NULL
    WHERE id = $1 AND lease_owner = $2 AND deleted_at IS NULL
    RETURNING *`,

  nextDueAt: `SELECT LEAST(
      (SELECT due_at FROM operations WHERE due_at IS NOT NULL ORDER BY due_at LIMIT 1),
      (SELECT notification_due_at FROM operations WHERE notification_due_at IS NOT NULL
       ORDER BY notification_due_at LIMIT 1)) AS due_at`,

  resumeAwaitingAuthorization: `UPDATE operations SET due_at = $1, awaiting_authorization = FALSE,
      home_instance = $4
    WHERE owner = $2 AND token_origin = $3 AND awaiting_authorization AND deleted_at IS NULL
    RETURNING *`,

  recordNotification: `UPDATE operations SET notification_state = $1, notification_attempts = $2,
      notification_due_at = $3, lease_owner = NULL, lease_until = NULL
    WHERE id = $4 AND lease_owner = $5 AND deleted_at IS NULL`,

  changesSince: "SELECT * FROM operations WHERE owner = $1 AND version > $2 ORDER BY version",
  changesOfOneSince:
    "SELECT * FROM operations WHERE owner = $1 AND version > $2 AND id = $3 ORDER BY version",

  countActive:
    "SELECT COUNT(*) AS count FROM operations WHERE owner = $1 AND deleted_at IS NULL AND terminal_at IS NULL",
  countByStatus: "SELECT status, COUNT(*) AS count FROM operations WHERE deleted_at IS NULL GROUP BY status",

  /** Inside the sweep's transaction, after locking the counter. */
  lockCounter: "SELECT value FROM change_sequence FOR UPDATE",
  expire: `WITH expired AS (
      SELECT id, ROW_NUMBER() OVER (ORDER BY expires_at, id) AS position FROM operations
      WHERE expires_at IS NOT NULL AND expires_at <= $1 AND deleted_at IS NULL)
    UPDATE operations AS row SET deleted_at = $1, updated_at = $1, version = $2 + expired.position,
      due_at = NULL, notification_due_at = NULL, lease_owner = NULL, lease_until = NULL,
      awaiting_authorization = FALSE
    FROM expired WHERE row.id = expired.id
    RETURNING row.*`,
  advanceCounter: "UPDATE change_sequence SET value = $1",
  purgeMarkers: "DELETE FROM operations WHERE deleted_at IS NOT NULL AND deleted_at <= $1",

  heartbeat: `INSERT INTO instances (id, seen_at) VALUES ($1, $2)
    ON CONFLICT (id) DO UPDATE SET seen_at = EXCLUDED.seen_at`,
  forgetInstance: "DELETE FROM instances WHERE id = $1 OR seen_at < $2",

  /** A closing process hands the rows it still holds (polls aborted mid-flight) back at once. */
  releaseLeases: `UPDATE operations SET lease_owner = NULL, lease_until = NULL,
      due_at = CASE WHEN due_at IS NULL THEN NULL ELSE LEAST(due_at, $2) END,
      notification_due_at = CASE WHEN notification_due_at IS NULL THEN NULL ELSE LEAST(notification_due_at, $2) END
    WHERE lease_owner = ANY($1::text[])`,
} as const;
