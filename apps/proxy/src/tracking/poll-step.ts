import {
  MonitorAuthorizationError,
  nextWake,
  OperationNotFoundError,
  OperationValidationError,
  pollMonitor,
  ResponseTooLargeError,
  step,
  UpstreamHttpError,
  type EnginePolicy,
  type EngineState,
  type MonitorAnswer,
  type MonitorReading,
  type Operation,
  type StepResult,
  type Transport,
} from "@lro/core";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";
import type { EgressPolicy } from "../security/egress-policy.js";
import type { OperationRecord } from "../store/operation-record.js";
import type { PollResult } from "../store/poll-schedule.js";
import { boundedOperation } from "./bounded-operation.js";
import { readEngineState, toEngineRow } from "./engine-row.js";
import { statusNotes } from "./status-notes.js";
import type { TokenVault } from "./token-vault.js";

export interface PollContext {
  egress: Pick<EgressPolicy, "assertAllowed" | "mayReceiveToken">;
  vault: TokenVault;
  transport: Transport;
  /** Core's engine policy: every rule of polling (pacing, Retry-After, what is transient, giving up). */
  policy: EnginePolicy;
  now: () => number;
  retentionMs: number;
  /** How long after its adoption the proxy stops following an operation that has not ended. */
  deadlineMs: number;
  signal: AbortSignal;
}

/** How a poll went, for metrics and logs. */
export type PollOutcome =
  "changed" | "unchanged" | "ended" | "retrying" | "gaveUp" | "stopped" | "awaitingToken";

export interface PollStep {
  result: PollResult;
  outcome: PollOutcome;
  error?: unknown;
}

/**
 * One poll of one claimed operation: reads the engine's state from the row, asks the egress policy,
 * sends the owner's token only where the policy allows it, reads the answer with core's `pollMonitor`
 * and hands it to core's `step`, which decides everything else. What stays here is persistence (the
 * row to write) and the token. Never throws except when `signal` aborts.
 */
export async function pollStep(record: OperationRecord, context: PollContext): Promise<PollStep> {
  const state = readEngineState(record, record.createdAt + context.deadlineMs);
  if (nextWake(state).action === "deadline" && context.now() >= state.deadline!)
    return decided(record, step(state, { type: "deadline" }, context.policy, context.now()), context);
  const monitor = new URL(record.monitorUrl);
  let authorization: string | undefined;
  if (record.tokenOrigin !== undefined && context.egress.mayReceiveToken(monitor, record.tokenOrigin)) {
    authorization = context.vault.get(record.id);
    if (authorization === undefined) return awaitToken(record, state, context, statusNotes.awaitingToken);
  }
  const poll = (token: string | undefined) =>
    pollMonitor(monitor, {
      transport: context.transport,
      signal: context.signal,
      now: context.now,
      kind: state.kind,
      previous: state.operation,
      // The egress policy alone decided that this origin may have the token: core is told to trust it.
      ...(token === undefined ? {} : { headers: { authorization: token }, trustedOrigins: [monitor.origin] }),
    });
  let reading: MonitorReading;
  try {
    await context.egress.assertAllowed(monitor);
    let answer: MonitorAnswer;
    try {
      answer = await poll(authorization);
    } catch (error) {
      // A token refused (expired, revoked, a transient 401): renewed where it can be, and tried again once
      // at once, before the refusal counts.
      if (!(
        authorization !== undefined &&
        MonitorAuthorizationError.isInstance(error) &&
        error.authorizationSent
      ))
        throw error;
      const renewed = await context.vault.renewAfterRefusal(record.id, authorization);
      context.signal.throwIfAborted();
      if (renewed === undefined || renewed === authorization) throw error;
      answer = await poll(renewed);
    }
    // Stored operations are bounded in size (the rest of the answer is dropped, not the operation).
    reading = { type: "answer", answer: { ...answer, operation: boundedOperation(answer.operation) } };
  } catch (error) {
    context.signal.throwIfAborted();
    // A refused token is the token's problem, not the operation's: wait for a fresh one.
    if (
      MonitorAuthorizationError.isInstance(error) &&
      error.authorizationSent &&
      record.tokenOrigin !== undefined
    ) {
      context.vault.delete(record.id);
      return { ...awaitToken(record, state, context, statusNotes.tokenRefused), error };
    }
    reading = { type: "failure", error };
  }
  const result = step(state, reading, context.policy, context.now());
  return decided(record, result, context, reading.type === "failure" ? reading.error : undefined);
}

/** Hands a claimed operation back unchanged, due at `dueAt` (default at once): for a poll cut short by `stop()`. */
export function releaseResult(record: OperationRecord, now: number, dueAt = now): PollResult {
  return {
    now,
    operation: record.operation,
    changed: false,
    ...(record.statusNote === undefined ? {} : { statusNote: record.statusNote }),
    awaitingAuthorization: record.awaitingAuthorization,
    dueAt,
    attempt: record.schedule.attempt,
    consecutiveFailures: record.schedule.consecutiveFailures,
    pacing: record.schedule.pacing,
  };
}

/** The row to write for what `step` decided. */
function decided(
  record: OperationRecord,
  result: StepResult,
  context: PollContext,
  error?: unknown,
): PollStep {
  const { state, end } = result;
  const now = context.now();
  const common = {
    now,
    awaitingAuthorization: false,
    attempt: state.attempt,
    consecutiveFailures: state.trouble?.polls ?? 0,
  };
  const failure = error === undefined ? {} : { error };
  if (end === undefined) {
    const outcome = state.trouble !== undefined ? "retrying" : result.changed ? "changed" : "unchanged";
    return {
      outcome,
      ...failure,
      result: {
        ...common,
        operation: state.operation ?? record.operation,
        // A note about waiting for a token no longer holds: polling has resumed.
        changed: result.changed || record.statusNote !== undefined,
        dueAt: nextWake(state).at,
        pacing: toEngineRow(state),
      },
    };
  }
  context.vault.delete(record.id);
  const ending = {
    ...common,
    changed: true,
    pacing: toEngineRow(state),
    terminal: { at: now, expiresAt: now + context.retentionMs },
    ...(record.notificationUrl === undefined ? {} : { notificationDueAt: now }),
  };
  switch (end.outcome) {
    case "succeeded":
    case "failed":
      return { outcome: "ended", result: { ...ending, operation: end.operation } };
    case "deadline":
      // Not an upstream end: the status stays what the monitor last said, and the proxy says why it stopped.
      return {
        outcome: "stopped",
        error: end.error,
        result: {
          ...ending,
          operation: state.operation ?? record.operation,
          statusNote: statusNotes.deadlineExceeded,
          pacing: toEngineRow(state, { reason: "deadlineExceeded", at: now }),
        },
      };
    case "rejected":
    case "exhausted": {
      const problem = problemOf(end.error);
      const operation: Operation = { ...record.operation, status: "failed", error: problem };
      return { outcome: "gaveUp", error: end.error, result: { ...ending, operation } };
    }
  }
}

/** What the proxy says of an error after which polling again cannot help. */
function problemOf(error: unknown): { code: string; message: string } {
  if (EgressDeniedError.isInstance(error)) return { code: "egressDenied", message: error.message };
  if (ResponseTooLargeError.isInstance(error)) {
    return {
      code: "monitorAnswerTooLarge",
      message: `The monitor answered more than ${error.maxBytes} bytes (setting --max-monitor-answer); the proxy dropped the answer and stopped following the operation.`,
    };
  }
  if (OperationNotFoundError.isInstance(error))
    return {
      code: "operationNotFound",
      message: `The monitor no longer knows the operation: ${error.message}`,
    };
  if (MonitorAuthorizationError.isInstance(error))
    return { code: "monitorAuthorization", message: error.message };
  if (OperationValidationError.isInstance(error))
    return { code: "invalidMonitorAnswer", message: error.message };
  if (UpstreamHttpError.isInstance(error)) return { code: "upstreamHttpError", message: error.message };
  return { code: "monitorUnreachable", message: error instanceof Error ? error.message : String(error) };
}

function awaitToken(
  record: OperationRecord,
  state: EngineState,
  context: PollContext,
  note: string,
): PollStep {
  return {
    outcome: "awaitingToken",
    result: {
      now: context.now(),
      operation: record.operation,
      changed: record.statusNote !== note,
      statusNote: note,
      awaitingAuthorization: true,
      attempt: record.schedule.attempt,
      consecutiveFailures: record.schedule.consecutiveFailures,
      pacing: toEngineRow(state),
    },
  };
}
