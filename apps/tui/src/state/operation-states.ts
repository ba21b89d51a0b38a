import type { Observable, SchedulerLike } from "rxjs";
import { asyncScheduler, scan, throttleTime } from "rxjs";
import type { SourceEvent } from "../sources/operation-source.js";
import type { OperationsState } from "./operations-state.js";
import { applySourceEvent, initialOperationsState } from "./operations-state.js";

/**
 * Source events folded into states, at most one per `intervalMs` (the first at once, the latest always
 * last): however many updates a second arrive, the screen redraws at most ten times a second by default.
 */
export function operationStates(
  events$: Observable<SourceEvent>,
  intervalMs = 100,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<OperationsState> {
  return events$.pipe(
    scan(applySourceEvent, initialOperationsState),
    throttleTime(intervalMs, scheduler, { leading: true, trailing: true }),
  );
}
