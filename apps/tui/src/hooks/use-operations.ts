import { useEffect, useState } from "react";
import type { SchedulerLike } from "rxjs";
import { asyncScheduler } from "rxjs";
import { describeFailure } from "../sources/proxy-errors.js";
import type { OperationSource } from "../sources/operation-source.js";
import type { OperationsState } from "../state/operations-state.js";
import { applySourceEvent, initialOperationsState } from "../state/operations-state.js";
import { operationStates } from "../state/operation-states.js";

export interface UseOperationsOptions {
  /** At most one render per interval however fast events arrive (the latest state always lands). */
  renderIntervalMs?: number;
  scheduler?: SchedulerLike;
  now?: () => number;
}

export interface OperationsView {
  state: OperationsState;
  /** Why the source stopped for good (a refused API key, say). */
  failure?: string;
}

/** Follows a source while mounted: events fold into `OperationsState`, renders are batched. */
export function useOperations(source: OperationSource, options: UseOperationsOptions = {}): OperationsView {
  const { renderIntervalMs = 100, scheduler = asyncScheduler, now = Date.now } = options;
  const [view, setView] = useState<OperationsView>({ state: initialOperationsState });
  useEffect(() => {
    let latest = initialOperationsState;
    const subscription = operationStates(source.events$, renderIntervalMs, scheduler).subscribe({
      next: (state) => {
        latest = state;
        setView({ state });
      },
      error: (error: unknown) =>
        setView({
          state: applySourceEvent(latest, { type: "connection", connection: { state: "closed" }, at: now() }),
          failure: describeFailure(error),
        }),
    });
    return () => subscription.unsubscribe();
  }, [source, renderIntervalMs, scheduler, now]);
  return view;
}
