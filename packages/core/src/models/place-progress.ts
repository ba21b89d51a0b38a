import { z } from "zod";
import { optionalNumber } from "./field-schemas.js";
import type { FlavourProperty } from "./flavour.js";
import { withoutUndefined } from "./without-undefined.js";

/** placeOperation's `progress`: counts of places, not a percentage. */
export const placeOperationProgressSchema = z.looseObject({
  totalPlaceCount: optionalNumber,
  succeededPlaceCount: optionalNumber,
  failedPlaceCount: optionalNumber,
});
export type PlaceOperationProgress = z.infer<typeof placeOperationProgressSchema>;

/** The share of places handled (succeeded or failed), 0..100; undefined without a positive total. */
export function placePercentComplete(
  progress: PlaceOperationProgress | null | undefined,
): number | undefined {
  if (progress === null || progress === undefined) return undefined;
  const total = progress.totalPlaceCount;
  if (total === undefined || total <= 0) return undefined;
  const handled = (progress.succeededPlaceCount ?? 0) + (progress.failedPlaceCount ?? 0);
  return Math.min(100, Math.max(0, (handled / total) * 100));
}

/**
 * The `progress` object: read as `percentComplete`. Counts cannot be made up from a percentage, so a
 * changed percentage is written only where the received total allows it exactly (read-only otherwise).
 */
export const placeProgressProperty: FlavourProperty<PlaceOperationProgress | null | undefined> = {
  feeds: ["percentComplete"],
  readOnly: ["percentComplete"],
  read: (value) => ({ percentComplete: placePercentComplete(value) }),
  write: (operation, received) => {
    const kept =
      typeof received === "object" && received !== null && !Array.isArray(received)
        ? (received as Record<string, unknown>)
        : undefined;
    const percent = operation.percentComplete;
    const parsed = placeOperationProgressSchema.safeParse(received);
    const total = parsed.success ? parsed.data.totalPlaceCount : undefined;
    if (percent === undefined || kept === undefined || total === undefined || total <= 0) return received;
    const handled = (percent / 100) * total;
    if (!Number.isInteger(handled)) return received;
    const failed = Math.min(parsed.data?.failedPlaceCount ?? 0, handled);
    return withoutUndefined({ ...kept, succeededPlaceCount: handled - failed, failedPlaceCount: failed });
  },
};
