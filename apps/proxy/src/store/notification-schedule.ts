import type { NotificationProgress, OperationRecord } from "./operation-record.js";

/** Deliveries of `notificationUrl` callbacks of finished operations, leased like polls. */
export interface NotificationSchedule {
  /** Leases up to `limit` finished operations whose notification is due. */
  claimDueNotifications(
    now: number,
    limit: number,
    leaseOwner: string,
    leaseMs: number,
  ): Promise<OperationRecord[]>;
  /** Writes a delivery attempt's outcome if the lease is still held. */
  recordNotification(id: string, leaseOwner: string, progress: NotificationProgress): Promise<void>;
}
