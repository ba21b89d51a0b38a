import {
  appendPacingSample,
  isTerminal,
  MonitorAuthorizationError,
  nextPoll,
  OperationNotFoundError,
  OperationValidationError,
  pollMonitor,
  ResponseTooLargeError,
  toPacingSample,
  UpstreamHttpError,
  type MonitorAnswer,
  type Operation,
  type PacingPolicy,
  type Transport,
} from "@lro/core";
import { EgressDeniedError } from "../http-errors/egress-denied-error.js";
import type { EgressPolicy } from "../security/egress-policy.js";
import type { OperationRecord } from "../store/operation-record.js";
import type { PollResult } from "../store/poll-schedule.js";
import { boundedOperation } from "./bounded-operation.js";
import { readPacingState, toPacingJson, type PacingState } from "./pacing-state.js";
import { statusNotes } from "./status-notes.js";
import type { TokenVault } from "./token-vault.js";
import { isVisibleChange } from "./visible-change.js";

export interface PollContext {
  egress: Pick<EgressPolicy, "assertAllowed" | "mayReceiveToken">;
  vault: TokenVault;
  transport: Transport;
  policy: PacingPolicy;
  now: () => number;
  retentionMs: number;
  /** Transient failures in a row (network, 429/5xx, unreadable bodies) before the proxy gives up. */
  maxConsecutiveFailures: number;
  signal: AbortSignal;
}

/** How a poll went, for metrics and logs. */
export type PollOutcome = "changed" | "unchanged" | "ended" | "retrying" | "gaveUp" | "awaitingToken";

export interface PollStep {
  result: PollResult;
  outcome: PollOutcome;
  error?: unknown;
}

/**
 * One poll of one claimed operation: asks the egress policy, sends the owner's token only where the
 * policy allows it, reads the answer with core's `pollMonitor`, and decides the next due time with
 * core's `nextPoll`. Never throws except when `signal` aborts: every failure becomes a schedule.
 */
export async function pollStep(record: OperationRecord, context: PollContext): Promise<PollStep> {
  const state = readPacingState(record.schedule.pacing);
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
      previous: record.schedule.attempt > 0 ? record.operation : undefined,
      // The egress policy alone decided that this origin may have the token: core is told to trust it.
      ...(token === undefined ? {} : { headers: { authorization: token }, trustedOrigins: [monitor.origin] }),
    });
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
    return answered(record, state, answer, context);
  } catch (error) {
    context.signal.throwIfAborted();
    return failed(record, state, error, context);
  }
}

/** Hands a claimed operation back unchanged, due at once: for a poll cut short by `stop()`. */
export function releaseResult(record: OperationRecord, now: number): PollResult {
  return {
    now,
    operation: record.operation,
    changed: false,
    ...(record.statusNote === undefined ? {} : { statusNote: record.statusNote }),
    awaitingAuthorization: record.awaitingAuthorization,
    dueAt: now,
    attempt: record.schedule.attempt,
    consecutiveFailures: record.schedule.consecutiveFailures,
    pacing: record.schedule.pacing,
  };
}

function answered(
  record: OperationRecord,
  state: PacingState,
  answer: MonitorAnswer,
  context: PollContext,
): PollStep {
  const operation = boundedOperation(answer.operation);
  const now = context.now();
  const attempt = record.schedule.attempt + 1;
  const samples = appendPacingSample(state.samples, toPacingSample(operation, answer.receivedAt));
  const pacing = toPacingJson({ ...state, samples, retryAfterMs: answer.retryAfterMs });
  const changed =
    record.schedule.attempt === 0 ||
    record.statusNote !== undefined ||
    isVisibleChange(record.operation, operation);
  const common = {
    now,
    operation,
    changed,
    awaitingAuthorization: false,
    attempt,
    consecutiveFailures: 0,
    pacing,
  };
  if (isTerminal(operation)) {
    context.vault.delete(record.id);
    return { outcome: "ended", result: { ...common, changed: true, ...ending(record, now, context) } };
  }
  const decision = nextPoll(
    { now, attempt, samples, operation, retryAfterMs: answer.retryAfterMs, consecutiveFailures: 0 },
    context.policy,
  );
  return { outcome: changed ? "changed" : "unchanged", result: { ...common, dueAt: now + decision.delay } };
}

function failed(record: OperationRecord, state: PacingState, error: unknown, context: PollContext): PollStep {
  if (
    MonitorAuthorizationError.isInstance(error) &&
    error.authorizationSent &&
    record.tokenOrigin !== undefined
  ) {
    context.vault.delete(record.id);
    return { ...awaitToken(record, state, context, statusNotes.tokenRefused), error };
  }
  const fatal = fatalProblem(error);
  if (fatal !== undefined) return giveUp(record, state, context, fatal, error);
  const consecutiveFailures = record.schedule.consecutiveFailures + 1;
  if (consecutiveFailures >= context.maxConsecutiveFailures) {
    const code = OperationValidationError.isInstance(error) ? "invalidMonitorAnswer" : "monitorUnreachable";
    const message = `The proxy stopped following the operation after ${consecutiveFailures} failed polls in a row; the last: ${messageOf(error)}`;
    return giveUp(record, state, context, { code, message }, error);
  }
  const now = context.now();
  const retryAfterMs = UpstreamHttpError.isInstance(error) ? error.retryAfterMs : undefined;
  const decision = nextPoll(
    {
      now,
      attempt: record.schedule.attempt,
      samples: state.samples,
      operation: record.operation,
      retryAfterMs,
      consecutiveFailures,
    },
    context.policy,
  );
  return {
    outcome: "retrying",
    error,
    result: {
      now,
      operation: record.operation,
      // A note about waiting for a token no longer holds: polling has resumed.
      changed: record.statusNote !== undefined,
      awaitingAuthorization: false,
      dueAt: now + decision.delay,
      attempt: record.schedule.attempt,
      consecutiveFailures,
      pacing: toPacingJson({ ...state, retryAfterMs }),
    },
  };
}

/** Errors after which polling again cannot help: the operation ends as failed, saying why. */
function fatalProblem(error: unknown): { code: string; message: string } | undefined {
  if (EgressDeniedError.isInstance(error)) return { code: "egressDenied", message: error.message };
  if (ResponseTooLargeError.isInstance(error)) {
    return {
      code: "monitorAnswerTooLarge",
      message: `The monitor answered more than ${error.maxBytes} bytes (setting --max-monitor-answer); the proxy dropped the answer and stopped following the operation.`,
    };
  }
  if (OperationNotFoundError.isInstance(error)) {
    return {
      code: "operationNotFound",
      message: `The monitor no longer knows the operation: ${error.message}`,
    };
  }
  if (MonitorAuthorizationError.isInstance(error))
    return { code: "monitorAuthorization", message: error.message };
  if (UpstreamHttpError.isInstance(error) && !error.transient)
    return { code: "upstreamHttpError", message: error.message };
  return undefined;
}

function giveUp(
  record: OperationRecord,
  state: PacingState,
  context: PollContext,
  problem: { code: string; message: string },
  error: unknown,
): PollStep {
  const now = context.now();
  context.vault.delete(record.id);
  const operation: Operation = { ...record.operation, status: "failed", error: problem };
  return {
    outcome: "gaveUp",
    error,
    result: {
      now,
      operation,
      changed: true,
      awaitingAuthorization: false,
      attempt: record.schedule.attempt,
      consecutiveFailures: record.schedule.consecutiveFailures + 1,
      pacing: toPacingJson(state),
      ...ending(record, now, context),
    },
  };
}

function awaitToken(
  record: OperationRecord,
  state: PacingState,
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
      pacing: toPacingJson(state),
    },
  };
}

function ending(record: OperationRecord, now: number, context: PollContext) {
  return {
    terminal: { at: now, expiresAt: now + context.retentionMs },
    ...(record.notificationUrl === undefined ? {} : { notificationDueAt: now }),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
