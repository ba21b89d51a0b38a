import type { RefObject } from "react";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { SchedulerLike } from "rxjs";
import { asyncScheduler } from "rxjs";
import { describeFailure } from "../sources/proxy-errors.js";
import type { OperationSource } from "../sources/operation-source.js";
import type { OperationsState } from "../state/operations-state.js";
import { applySourceEvent, initialOperationsState } from "../state/operations-state.js";
import { operationStates } from "../state/operation-states.js";
import { screenStore } from "./screen-store.js";

export interface UseOperationsOptions {
  /** At most one render per interval however fast events arrive (the latest state always lands). */
  renderIntervalMs?: number;
  scheduler?: SchedulerLike;
  now?: () => number;
  /**
   * Whether a new state changes what the screen shows (a count, a row in view, the connection). A state
   * that does not is kept without a render: the next frame drawn for any reason shows it. Default: all do.
   */
  shows?: RefObject<((state: OperationsState) => boolean) | undefined>;
}

export interface OperationsView {
  state: OperationsState;
  /** Why the source stopped for good (a refused API key, say). */
  failure?: string;
}

/** Follows a source while mounted: events fold into `OperationsState`, renders are batched. */
export function useOperations(source: OperationSource, options: UseOperationsOptions = {}): OperationsView {
  const { renderIntervalMs = 100, scheduler = asyncScheduler, now = Date.now, shows } = options;
  const [store] = useState(() => screenStore<OperationsView>({ state: initialOperationsState }));
  useEffect(() => {
    let latest = initialOperationsState;
    const subscription = operationStates(source.events$, renderIntervalMs, scheduler).subscribe({
      next: (state) => {
        latest = state;
        store.set({ state }, shows?.current?.(state) ?? true);
      },
      error: (error: unknown) =>
        store.set(
          {
            state: applySourceEvent(latest, {
              type: "connection",
              connection: { state: "closed" },
              at: now(),
            }),
            failure: describeFailure(error),
          },
          true,
        ),
    });
    return () => subscription.unsubscribe();
  }, [source, renderIntervalMs, scheduler, now, store, shows]);
  return useSyncExternalStore(store.subscribe, store.get);
}
