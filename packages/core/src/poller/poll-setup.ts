import { asyncScheduler } from "rxjs";
import type { SchedulerLike } from "rxjs";
import type { OperationKind } from "../models/operation-kind.js";
import { createEnginePolicy } from "../engine/engine-policy.js";
import type { EnginePolicy } from "../engine/engine-policy.js";
import type { EngineState } from "../engine/engine-state.js";
import type { PollOptions } from "./poll-options.js";
import type { FixedHeaders } from "./fixed-headers.js";
import { defaultTransport } from "./create-transport.js";
import { directSendOf } from "./direct-send.js";
import type { DirectSend } from "./direct-send.js";
import type { Transport } from "./transport.js";

/** Where a poll starts: from nothing, after a 202's Retry-After, or from a resume token. */
export interface PollStart {
  /** A resumed state: its first poll is due at its `nextPollAt`. */
  resumed?: EngineState | undefined;
  /** The start answer's Retry-After: the first poll waits that long. */
  retryAfterMs?: number | undefined;
  /** The deadline (epoch ms on the scheduler's clock), when it was set before the poll began. */
  deadline?: number | undefined;
  /**
   * The controller whose signal the start request went with, now idle: the polls go with it too (one
   * signal, and its one listener in the transport, for the whole operation). The run aborts it on stopping.
   */
  controller?: AbortController | undefined;
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
  /** The transport every poll goes through: the caller's, or the process's default. */
  transport: Transport;
  /** Its direct send, when it is one of the package's own (then the polls need no signal). */
  send: DirectSend | undefined;
  /** The headers of the last poll without getAuthorization, kept for the next while their inputs hold. */
  fixedHeaders?: FixedHeaders | undefined;
}

const policies = new WeakMap<PollOptions, EnginePolicy>();

/** The options that make up a policy: options naming none of them share the default one. */
const policyOptionNames = [
  "interval",
  "minInterval",
  "maxDelay",
  "maxRetryAfter",
  "unchangedGrowth",
  "adaptive",
  "adaptiveTolerance",
  "adaptiveMaxLag",
  "adaptiveGrowth",
  "retryDelay",
  "random",
  "maxRetries",
] as const satisfies readonly (keyof EnginePolicy & keyof PollOptions)[];

let defaultPolicy: EnginePolicy | undefined;

function setsPolicy(options: PollOptions): boolean {
  for (let index = 0; index < policyOptionNames.length; index += 1)
    if (options[policyOptionNames[index]!] !== undefined) return true;
  return false;
}

/**
 * One checked policy per options object, shared by every poll started with it; options that set no policy
 * option (a fresh object per operation, with a timeout or a signal of its own) all share the default one.
 */
function policyOf(options: PollOptions): EnginePolicy {
  if (!setsPolicy(options)) return (defaultPolicy ??= createEnginePolicy());
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

/** Each scheduler's clock as a function, made once per scheduler rather than once per poll loop. */
const clocks = new WeakMap<SchedulerLike, () => number>();

function clockOf(scheduler: SchedulerLike): () => number {
  let clock = clocks.get(scheduler);
  if (clock === undefined) {
    clock = () => scheduler.now();
    clocks.set(scheduler, clock);
  }
  return clock;
}

// The last normalised address seen: the operations of one start request all name the same one.
let lastHref: string | undefined;

/**
 * `href` (a normalised address), as the one string kept for it: the operations that name the same address
 * in turn then hold one string between them, not one each.
 */
export function sharedHref(href: string): string {
  if (href === lastHref) return lastHref;
  lastHref = href;
  return href;
}

/** An address as its normalised href, shared (see `sharedHref`); parsed only when it is not that one. */
function hrefOf(address: string | URL): string {
  if (address === lastHref) return lastHref;
  return sharedHref(new URL(address).href);
}

/**
 * What every subscription of one poll shares. `monitor` is copied (the loop keeps its own), unless
 * `ownMonitor` says it is the loop's own already (an address the package parsed from a start answer).
 */
export function createPollSetup(
  monitor: URL,
  options: PollOptions,
  overrides: PollOverrides,
  ownMonitor = false,
): PollSetup {
  // The checks of checkPollOptions, with the policy read once.
  const policy = policyOf(options);
  checkTimeout(options.timeout);
  const scheduler = options.scheduler ?? asyncScheduler;
  const requestUrl = overrides.requestUrl ?? options.requestUrl;
  const transport = options.transport ?? defaultTransport();
  return {
    monitorUrl: monitor.href,
    monitor: ownMonitor ? monitor : new URL(monitor.href),
    options,
    overrides,
    requestUrl: requestUrl === undefined ? undefined : hrefOf(requestUrl),
    kind: overrides.kind ?? options.kind,
    policy,
    scheduler,
    now: clockOf(scheduler),
    transport,
    send: directSendOf(transport),
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
