import { asyncScheduler } from "rxjs";
import type { SchedulerLike } from "rxjs";
import type { OperationKind } from "../models/operation-kind.js";
import { createEnginePolicy } from "../engine/engine-policy.js";
import type { EnginePolicy } from "../engine/engine-policy.js";
import type { EngineState } from "../engine/engine-state.js";
import type { PollOptions } from "./poll-options.js";
import type { FixedHeaders } from "./fixed-headers.js";

/** Where a poll starts: from nothing, after a 202's Retry-After, or from a resume token. */
export interface PollStart {
  /** A resumed state: its first poll is due at its `nextPollAt`. */
  resumed?: EngineState | undefined;
  /** The start answer's Retry-After: the first poll waits that long. */
  retryAfterMs?: number | undefined;
  /** The deadline (epoch ms on the scheduler's clock), when it was set before the poll began. */
  deadline?: number | undefined;
}

/** What a caller of the loop sets per poll without copying the caller's options. */
export interface PollOverrides {
  requestUrl?: string | URL | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  kind?: OperationKind | undefined;
}

/** Everything every subscription of one poll shares, worked out once. */
export interface PollSetup {
  monitorUrl: string;
  /** The monitor's address parsed once, the loop's own copy: every poll sends to it, none changes it. */
  monitor: URL;
  options: PollOptions;
  overrides: PollOverrides;
  requestUrl: string | undefined;
  kind: OperationKind | undefined;
  policy: EnginePolicy;
  scheduler: SchedulerLike;
  now: () => number;
  /** The headers of the last poll without getAuthorization, kept for the next while their inputs hold. */
  fixedHeaders?: FixedHeaders | undefined;
}

const policies = new WeakMap<PollOptions, EnginePolicy>();

/** One checked policy per options object, shared by every poll started with it. */
function policyOf(options: PollOptions): EnginePolicy {
  let policy = policies.get(options);
  if (policy === undefined) {
    policy = createEnginePolicy(options);
    policies.set(options, policy);
  }
  return policy;
}

/** A deadline that is not a duration or a valid Date would silently never pass: refuse it. */
function checkTimeout(timeout: PollOptions["timeout"]): void {
  const valid =
    timeout === undefined ||
    (timeout instanceof Date ? Number.isFinite(timeout.getTime()) : Number.isFinite(timeout) && timeout >= 0);
  if (!valid)
    throw new RangeError(
      `timeout must be milliseconds >= 0 or a valid Date, got ${String(timeout)}; leave it out for no deadline`,
    );
}

/** The `timeout` option as epoch ms on the scheduler's clock, counted from `now`; Infinity without one. */
export function deadlineOf(timeout: PollOptions["timeout"], now: number): number {
  if (timeout === undefined) return Infinity;
  return timeout instanceof Date ? timeout.getTime() : now + timeout;
}

/** Checks what the caller set (pacing, timeout, maxRetries): a RangeError naming the first bad option. */
export function checkPollOptions(options: PollOptions): void {
  policyOf(options);
  checkTimeout(options.timeout);
}

export function createPollSetup(monitor: URL, options: PollOptions, overrides: PollOverrides): PollSetup {
  checkPollOptions(options);
  const scheduler = options.scheduler ?? asyncScheduler;
  const requestUrl = overrides.requestUrl ?? options.requestUrl;
  return {
    monitorUrl: monitor.href,
    monitor: new URL(monitor.href),
    options,
    overrides,
    requestUrl: requestUrl === undefined ? undefined : new URL(requestUrl).href,
    kind: overrides.kind ?? options.kind,
    policy: policyOf(options),
    scheduler,
    now: () => scheduler.now(),
  };
}

/** The monitor's address as a URL; a clear error for anything that is not an absolute URL. */
export function monitorAddress(monitorUrl: string | URL): URL {
  if (monitorUrl instanceof URL) return monitorUrl;
  if (!URL.canParse(monitorUrl))
    throw new TypeError(
      `The monitor address ${JSON.stringify(monitorUrl)} is not an absolute URL; resolve a relative Location with resolveMonitorUrl(location, requestUrl)`,
    );
  return new URL(monitorUrl);
}
