import type { Translate } from "../i18n/translator.js";
import { entryStatus } from "./entry-status.js";
import type { OperationEntry } from "./operations-state.js";

/**
 * Whether a row matches the filter typed after `/`: every word must appear, case-insensitively, in the
 * row's id, kind, type, status (Graph's name or the translated label), raw status, detail, error code or monitor.
 */
export function matchesFilter(entry: OperationEntry, filter: string, translate: Translate): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const operation = entry.operation;
  const status = entryStatus(entry);
  const haystack = [
    entry.key,
    operation?.id,
    operation?.kind,
    operation?.type,
    operation?.operationType,
    status,
    translate(`status.${status}`),
    operation?.rawStatus,
    operation?.statusDetail,
    operation?.error?.code,
    entry.monitorUrl,
    entry.problem,
  ]
    .filter((value): value is string => value !== undefined)
    .join("\n")
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
