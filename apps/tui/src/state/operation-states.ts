import type { Observable, SchedulerLike, Subscription } from "rxjs";
import { Observable as RxObservable, asyncScheduler } from "rxjs";
import type { SourceEvent } from "../sources/operation-source.js";
import type { OperationsState } from "./operations-state.js";
import { applySourceEvents, initialOperationsState } from "./operations-state.js";

/**
 * Source events folded into states in batches, at most one state per `intervalMs`: the first change
 * lands at once (with whatever arrived in the same tick: a whole list is one batch), later ones wait for
 * the interval, and the latest always lands. However many updates a second arrive, the screen redraws
 * at most ten times a second by default, and the state is copied once per batch, not once per event.
 * Nothing is scheduled while nothing arrives.
 */
export function operationStates(
  events$: Observable<SourceEvent>,
  intervalMs = 100,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<OperationsState> {
  return new RxObservable<OperationsState>((subscriber) => {
    let state = initialOperationsState;
    let pending: SourceEvent[] = [];
    let lastFlush = -Infinity;
    let scheduled: Subscription | undefined;
    const flush = () => {
      scheduled?.unsubscribe();
      scheduled = undefined;
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      state = applySourceEvents(state, batch);
      lastFlush = scheduler.now();
      subscriber.next(state);
    };
    const subscription = events$.subscribe({
      next: (event) => {
        pending.push(event);
        if (scheduled !== undefined) return;
        scheduled = scheduler.schedule(flush, Math.max(0, lastFlush + intervalMs - scheduler.now()));
      },
      error: (error: unknown) => {
        flush();
        subscriber.error(error);
      },
      complete: () => {
        flush();
        subscriber.complete();
      },
    });
    return () => {
      subscription.unsubscribe();
      scheduled?.unsubscribe();
    };
  });
}
