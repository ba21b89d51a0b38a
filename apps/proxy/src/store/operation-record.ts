import type { Operation, OperationKind } from "@lro/core";

/** A JSON value as the store keeps it (the pacing history is opaque to the store). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Where polling of one operation stands: everything the tracker needs to resume after a restart. */
export interface PollSchedule {
  /**
   * Epoch ms of the next poll; absent when nothing is scheduled (terminal, or waiting for a token). While
   * a poll holds the lease (`polling`), the end of that lease.
   */
  dueAt?: number;
  /** True while an instance holds the operation's lease: a poll (or a notification) is under way. */
  polling?: boolean;
  /** Polls made so far. */
  attempt: number;
  consecutiveFailures: number;
  /** The pacing history the tracker keeps for `nextPoll`; the store keeps it as it is. */
  pacing: JsonObject;
}

export const notificationStates = ["pending", "delivered", "failed"] as const;
export type NotificationState = (typeof notificationStates)[number];

/** Delivery of the final operation to the `notificationUrl`. */
export interface NotificationProgress {
  state: NotificationState;
  attempts: number;
  /** Epoch ms of the next attempt while `pending`. */
  dueAt?: number;
}

/** One followed operation as the store keeps it. Never holds a token. */
export interface OperationRecord {
  /** The proxy's own id: random, unguessable. */
  id: string;
  /** The identity that created it; every query is scoped by it. */
  owner: string;
  kind: OperationKind;
  monitorUrl: string;
  /** The request that started the operation, when the proxy saw it. */
  requestUrl?: string;
  /** The origin the owner's token was meant for, when the monitor receives that token; absent: needs none. */
  tokenOrigin?: string;
  notificationUrl?: string;
  /** The latest normalised snapshot. */
  operation: Operation;
  /** The proxy's own word on the operation (e.g. waiting for a token); shown as `statusDetail` while set. */
  statusNote?: string;
  /** True while polling is suspended until the owner's next request brings a token. */
  awaitingAuthorization: boolean;
  createdAt: number;
  updatedAt: number;
  /** Store-wide change sequence of the latest change of this record. */
  version: number;
  terminalAt?: number;
  /** When a finished operation is removed. */
  expiresAt?: number;
  schedule: PollSchedule;
  notification?: NotificationProgress;
}

/** What `insert` needs; the store assigns `version`, `updatedAt` and the defaults. */
export interface NewOperationRecord extends Pick<
  OperationRecord,
  | "id"
  | "owner"
  | "kind"
  | "monitorUrl"
  | "requestUrl"
  | "tokenOrigin"
  | "notificationUrl"
  | "operation"
  | "createdAt"
> {
  /** Epoch ms of the first poll. */
  dueAt: number;
  /** The initial pacing history; default `{}`. */
  pacing?: JsonObject;
}
