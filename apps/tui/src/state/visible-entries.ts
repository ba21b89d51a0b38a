import type { Translate } from "../i18n/translator.js";
import { matchesFilter } from "./entry-filter.js";
import { isFinished } from "./entry-status.js";
import type { OperationEntry, OperationsState } from "./operations-state.js";
import { sortEntries } from "./sort-orders.js";
import type { ViewState } from "./view-state.js";

/** The rows the table lists, in order: filtered, finished ones hidden on request, sorted. */
export function visibleEntries(
  state: OperationsState,
  view: ViewState,
  translate: Translate,
): OperationEntry[] {
  const kept = [...state.entries.values()].filter(
    (entry) => !(view.hideFinished && isFinished(entry)) && matchesFilter(entry, view.filter, translate),
  );
  return sortEntries(kept, view.sort);
}
