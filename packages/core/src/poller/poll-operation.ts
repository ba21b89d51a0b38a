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
 * The caller's Authorization goes only to the origin of `requestUrl` (the request that started the
 * operation; without it, Graph's own origins, `graphOrigins`) and to `trustedOrigins`: a monitor anywhere
 * else, such as a driveItem copy monitor on SharePoint, is polled without it.
 */
export function pollOperation(monitorUrl: string | URL, options: PollOptions = {}): Observable<Operation> {
  return runPoll(monitorAddress(monitorUrl), options, {});
}
