import type { Operation } from "@lro/core";
import type { Observable } from "rxjs";

/** How the dashboard is connected to where its operations come from. */
export type ConnectionState =
  | { state: "connecting" }
  | { state: "live" }
  | { state: "reconnecting"; attempt: number; retryInMs: number; reason: string }
  | { state: "polling"; monitors: number }
  | { state: "closed" };

/** One operation as a source knows it: the normalised @lro/core `Operation` and where it is followed. */
export interface OperationUpdate {
  /** Stable key of the row: the proxy's operation id, or the monitor URL when following monitors directly. */
  key: string;
  operation: Operation;
  monitorUrl?: string;
  /** The proxy's change sequence number of this snapshot. */
  version?: number;
}

export type SourceEvent =
  | { type: "operation"; update: OperationUpdate; at: number }
  | { type: "removed"; key: string; at: number }
  /** An operation that cannot be followed (monitor gone, not authorised...); `monitorUrl` names it for new rows. */
  | { type: "problem"; key: string; monitorUrl?: string; message: string; at: number }
  | { type: "connection"; connection: ConnectionState; at: number }
  /** Every operation the source will report has reported at least once (the list is complete). */
  | { type: "listed"; at: number };

/** Where operations come from: the proxy's event stream or @lro/core polling monitors directly. */
export interface OperationSource {
  readonly mode: "proxy" | "core";
  /** Cold: subscribing connects; unsubscribing disconnects. */
  readonly events$: Observable<SourceEvent>;
  /** Stops following one operation (the proxy deletes it); the stream then reports it `removed`. */
  stop(key: string): Promise<void>;
  /** Drops the connection and makes it again now (`R`); false when there is nothing to reconnect. */
  reconnect(): boolean;
}
