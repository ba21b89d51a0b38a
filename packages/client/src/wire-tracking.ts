import { monitorTroubleKinds } from "@lro/core";
import { z } from "zod";

/**
 * What the proxy knows beyond the monitor's own words, while it matters: `throttled` (the monitor answers
 * 429/503 or with a Retry-After; it is polled again exactly when it asks), `unreachable` (no answer, 5xx,
 * or a body that is not an operation; polled with backoff), `awaitingToken` (polling waits for the owner's
 * next request to bring a Graph token), `stopped` (the proxy no longer follows an operation that has not
 * ended: `reason` `deadlineExceeded`). Absent while the monitor answers and once the operation ended.
 */
export const trackingStates = [...monitorTroubleKinds, "awaitingToken", "stopped"] as const;

export const wireTrackingSchema = z
  .object({
    state: z.enum(trackingStates),
    /** Since when (ISO 8601): the first failed poll of the run, or when the proxy stopped. */
    since: z.string().optional(),
    /** Failed polls in a row (`throttled`, `unreachable`). */
    failedPolls: z.number().int().min(1).optional(),
    /** The last failed poll (`throttled`, `unreachable`): core's error code, its message, the HTTP status. */
    lastError: z
      .object({ code: z.string(), message: z.string(), httpStatus: z.number().int().optional() })
      .optional(),
    /** Why the proxy stopped (`stopped`). */
    reason: z.enum(["deadlineExceeded"]).optional(),
  })
  .meta({ id: "OperationTracking" });
export type WireTracking = z.infer<typeof wireTrackingSchema>;
