import type { Observable } from "rxjs";
import type { Operation } from "../models/operation.js";
import type { PollOptions } from "./poll-options.js";
import { runPoll } from "./poll-run.js";
import { monitorAddress } from "./poll-setup.js";

/**
 * Follows the operation behind a status monitor to its end. Cold: each subscription polls on its own.
 * Emits the first snapshot and every one that differs (status, progress, last action, detail); completes
 * after `succeeded`; after `failed` it emits the snapshot, then errors with `OperationFailedError`.
 *
 * The monitor's own origin may receive the caller's Authorization; pass `requestUrl` (the request that
 * started the operation) when the monitor is the address a service returned.
 */
export function pollOperation(monitorUrl: string | URL, options: PollOptions = {}): Observable<Operation> {
  return runPoll(monitorAddress(monitorUrl), options, { attempt: 0, samples: [] });
}
