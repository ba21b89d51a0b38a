import type { ChangeFeed } from "./change-feed.js";
import type { NotificationSchedule } from "./notification-schedule.js";
import type { OperationRecords } from "./operation-records.js";
import type { PollSchedule } from "./poll-schedule.js";
import type { Retention } from "./retention.js";

/**
 * Where followed operations live, as one store implements it (SQLite, PostgreSQL): the records, the poll
 * and notification schedules, the change feed and retention, each a narrow interface of its own. Callers
 * take the interfaces they use; only whoever opens the store holds it whole (and closes it).
 */
export interface OperationStore
  extends OperationRecords, PollSchedule, NotificationSchedule, ChangeFeed, Retention {
  /** Stores that can tell: why the store is failing (a damaged file), or nothing while it is sound. */
  health?(): string | undefined;
  /** Stores on a database server: the statements sent so far, each one round trip. */
  roundTrips?(): number;
  close(): Promise<void>;
}
