import type { Operation } from "../models/operation.js";

/** The fields whose change is worth a new emission (besides `error`, compared by value). */
const visibleFields = [
  "kind",
  "status",
  "rawStatus",
  "percentComplete",
  "statusDetail",
  "lastActionDateTime",
  "resourceLocation",
  "resourceId",
  "type",
  "operationType",
] as const satisfies readonly (keyof Operation)[];

function sameError(previous: Operation["error"], next: Operation["error"]): boolean {
  if (previous === next) return true;
  if (previous === undefined || next === undefined) return false;
  return JSON.stringify(previous) === JSON.stringify(next);
}

/**
 * Whether `next` is worth emitting after `previous`: its flavour, status, progress, last action, detail,
 * result location or id, type or error differ. The one "changed" rule of the poller and of the proxy.
 */
export function snapshotChanged(previous: Operation | undefined, next: Operation): boolean {
  if (previous === undefined) return true;
  // An index loop rather than `some` or `for...of`: no closure or iterator on every answer.
  for (let index = 0; index < visibleFields.length; index += 1) {
    const field = visibleFields[index]!;
    if (previous[field] !== next[field]) return true;
  }
  return !sameError(previous.error, next.error);
}
