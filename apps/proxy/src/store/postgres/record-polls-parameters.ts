import type { PollOutcomeWrite, PollResult } from "../poll-schedule.js";

/** The parameters of `statements.recordPolls`: the lease holder, one array per column, how many changed. */
export function recordPollsParameters(leaseOwner: string, outcomes: readonly PollOutcomeWrite[]): unknown[] {
  const column = <Value>(read: (result: PollResult) => Value) => outcomes.map(({ result }) => read(result));
  return [
    leaseOwner,
    outcomes.map(({ id }) => id),
    column((result) => result.changed),
    column((result) => result.operation.kind),
    column((result) => result.operation.status),
    column((result) => JSON.stringify(result.operation)),
    column((result) => result.statusNote ?? null),
    column((result) => result.awaitingAuthorization),
    column((result) => result.now),
    column((result) => result.dueAt ?? null),
    column((result) => result.attempt),
    column((result) => result.consecutiveFailures),
    column((result) => JSON.stringify(result.pacing)),
    column((result) => result.terminal?.at ?? null),
    column((result) => result.terminal?.expiresAt ?? null),
    column((result) => result.notificationDueAt ?? null),
    column((result) => result.tokenOrigin === undefined),
    column((result) => result.tokenOrigin ?? null),
    outcomes.reduce((count, { result }) => count + (result.changed ? 1 : 0), 0),
  ];
}
