import { parseRetryAfter, resolveMonitorUrl } from "@lro/core";
import type { ProxyConfig } from "../config.js";
import { ProxyError } from "../http-errors/proxy-error.js";
import { UpstreamUnavailableError } from "../http-errors/upstream-errors.js";
import type { EgressPolicy } from "../security/egress-policy.js";
import type { OperationRecord } from "../store/operation-record.js";
import type { Tracker } from "../tracking/tracker.js";

/** A `202` the upstream answered with a monitor: what taking its operation over needs. */
export interface AcceptedAnswer {
  owner: string;
  /** The monitor the `202` named (`Operation-Location`, else `Location`), as written. */
  monitor: string;
  /** The upstream request the `202` answered: relative monitors resolve against it, and it decides the token. */
  requestUrl: URL;
  /** The caller's `Authorization`, if it sent one. */
  authorization: string | undefined;
  notificationUrl: string | undefined;
  /** The `202`'s own `Retry-After`, if any. */
  retryAfter: string | undefined;
}

export interface MonitorTakeoverOptions {
  config: Pick<ProxyConfig, "upstream">;
  tracker: Pick<Tracker, "adopt">;
  egress: Pick<EgressPolicy, "mayReceiveToken">;
}

/**
 * Takes over the operation of an accepted request: a plain `202` and a batch's inner one alike. The caller's
 * token goes along only when the request it came with was meant for a host that may receive it (the
 * upstream's origin); the tracker then sends it only to monitors the egress policy allows for that origin.
 * A failure carries the upstream's `202` and monitor in its `innerError`: the work goes on upstream.
 */
export function createMonitorTakeover({ config, tracker, egress }: MonitorTakeoverOptions) {
  return async function takeOver(accepted: AcceptedAnswer): Promise<OperationRecord> {
    const { monitor, requestUrl, authorization, notificationUrl } = accepted;
    const retryAfterMs = parseRetryAfter(accepted.retryAfter, Date.now());
    // Started in a promise so that an unreadable monitor address gets the same handling as a refusal.
    return Promise.resolve()
      .then(() =>
        tracker.adopt({
          owner: accepted.owner,
          monitorUrl: monitorAddress(monitor, requestUrl),
          requestUrl: requestUrl.href,
          ...(authorization === undefined || !egress.mayReceiveToken(requestUrl, config.upstream.origin)
            ? {}
            : { authorization }),
          ...(notificationUrl === undefined ? {} : { notificationUrl }),
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        }),
      )
      .catch((error: unknown) => {
        // The upstream accepted the work: whatever keeps the proxy from following it, the client keeps the monitor.
        if (ProxyError.isInstance(error)) error.innerError.upstreamStatus = 202;
        if (ProxyError.isInstance(error)) error.innerError.upstreamLocation = monitor;
        throw error;
      });
  };
}
export type MonitorTakeover = ReturnType<typeof createMonitorTakeover>;

/** The absolute address of the monitor a `202` named; a 502 that says so when it is not an address. */
function monitorAddress(monitor: string, requestUrl: URL): string {
  try {
    return resolveMonitorUrl(monitor, requestUrl).href;
  } catch (error) {
    throw new UpstreamUnavailableError(
      `The upstream accepted the request (202) but the proxy cannot read the monitor address it named (${JSON.stringify(monitor)}); the work goes on upstream, and the proxy does not follow it.`,
      { cause: error },
    );
  }
}

/** The monitor a `202` names: `Operation-Location` when present (it is always the monitor), else `Location`. */
export function monitorOf(
  operationLocation: string | undefined,
  location: string | undefined,
): string | undefined {
  const value = operationLocation ?? location;
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** Seconds from `now` to `at`, at least 1: the proxy's `Retry-After` while it has not polled yet. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}
