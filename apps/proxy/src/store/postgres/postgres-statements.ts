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

  /**
   * Rows due by $3 (a look-ahead past now, $7), leased until $2 and the Retry-After the monitor last asked
   * for after the later of their due time and now. A poll starts only within $2 of its due time (the
   * tracker leaves a later one to the lease), so should this instance die after its poll reached the
   * monitor but before the answer was written, the instance that takes the row over polls no sooner than
   * the monitor allows.
   * A leased row is claimed only once its lease has run out, never ahead: its holder may still write.
   * Rows whose token another live instance holds ($5: this instance, $6: seen since) are left to it. Each
   * row comes back with the time its poll was due (`planned_at`).
   *
   * Written so that its plan does not depend on the table's statistics (postgres-plans.test.ts): the due
   * index walked in order up to the limit (a deleted row has no due time, every statement that deletes
   * clears it, so `due_at IS NOT NULL` is the whole test: with `deleted_at` tested too, a young table's
   * statistics led to a bitmap of two indexes over most of the table), and the rows found updated through
   * the primary key by their ids (joined on `id` alone, a large table was read whole for a hash join).
   */
  claimDue: `WITH due AS MATERIALIZED (
      SELECT id, due_at, $2::bigint + CASE WHEN jsonb_typeof(pacing->'retryAfterMs') = 'number'
          THEN (pacing->>'retryAfterMs')::numeric::bigint ELSE 0 END AS hold
      FROM operations AS candidate
      WHERE due_at IS NOT NULL AND due_at <= $3
        AND (lease_until IS NULL OR lease_until <= $7)
        AND (home_instance IS NULL OR home_instance = $5 OR NOT EXISTS (
          SELECT 1 FROM instances WHERE instances.id = candidate.home_instance AND seen_at >= $6))
      ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
    UPDATE operations AS row SET lease_owner = $1, lease_until = GREATEST(due.due_at, $7) + due.hold,
      due_at = GREATEST(due.due_at, $7) + due.hold
    FROM due
    WHERE row.id = ANY (ARRAY(SELECT id FROM due)) AND row.id = due.id
    RETURNING row.*, due.due_at AS planned_at`,

  claimDueNotifications: `UPDATE operations AS row SET lease_owner = $1, lease_until = $2, notification_due_at = $2
    FROM (SELECT id FROM operations WHERE notification_due_at IS NOT NULL AND notification_due_at <= $3
            AND deleted_at IS NULL
          ORDER BY notification_due_at LIMIT $4 FOR UPDATE SKIP LOCKED) AS due
    WHERE row.id = due.id
    RETURNING row.*`,

  /**
   * Many polls' outcomes in one statement: one array per column ($2-$18, one element per outcome) and $19,
   * how many of them changed. The changed rows take consecutive versions in the order given: the counter
   * moves once, by $19, before any row is locked (the join needs `next` before it yields a row). A row
   * whose lease was lost meanwhile is not written; its version is skipped.
   *
   * Its plan does not depend on the table's statistics (postgres-plans.test.ts): the rows are found
   * through the primary key by the batch's ids, and the lease holder ($1) comes through `input` and is
   * compared in the join. As a filter on `operations`, statistics taken while no row was leased (a fresh
   * or bulk-filled table) estimated one leased row, and the planner scanned `operations` first and the
   * whole batch once per row it found (seconds per statement at 10,000 rows); joined on `id` alone, a
   * large table was read whole for a hash join.
   */
  recordPolls: `WITH input AS (
      SELECT batch.*, $1::text AS lease_owner,
        SUM(CASE WHEN batch.changed THEN 1 ELSE 0 END) OVER (ORDER BY batch.position) AS rank
      FROM unnest($2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[],
          $9::bigint[], $10::bigint[], $11::integer[], $12::integer[], $13::text[], $14::bigint[], $15::bigint[],
          $16::bigint[], $17::boolean[], $18::text[])
        WITH ORDINALITY AS batch(id, changed, kind, status, operation, status_note, awaiting_authorization,
          at, due_at, attempt, consecutive_failures, pacing, terminal_at, expires_at, notification_due_at,
          keep_token_origin, token_origin, position)),
      next AS (UPDATE change_sequence SET value = value + $19 WHERE $19::bigint > 0 RETURNING value - $19 AS base)
    UPDATE operations AS row SET kind = input.kind, status = input.status, operation = input.operation::json,
      status_note = input.status_note, awaiting_authorization = input.awaiting_authorization,
      updated_at = CASE WHEN input.changed THEN input.at ELSE row.updated_at END,
      version = CASE WHEN input.changed THEN next.base + input.rank ELSE row.version END,
      due_at = input.due_at, attempt = input.attempt, consecutive_failures = input.consecutive_failures,
      pacing = input.pacing::jsonb, terminal_at = COALESCE(input.terminal_at, row.terminal_at),
      expires_at = COALESCE(input.expires_at, row.expires_at),
      notification_state = CASE WHEN input.notification_due_at IS NULL THEN row.notification_state ELSE 'pending' END,
      notification_due_at = COALESCE(input.notification_due_at, row.notification_due_at),
      token_origin = CASE WHEN input.keep_token_origin THEN row.token_origin ELSE input.token_origin END,
      lease_owner = NULL, lease_until = NULL
    FROM input LEFT JOIN next ON TRUE
    WHERE row.id = ANY (ARRAY(SELECT id FROM input)) AND row.id = input.id AND row.lease_owner = input.lease_owner
      AND row.deleted_at IS NULL
    RETURNING row.*`,

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
