import { z } from "zod";

/**
 * Why the monitor gave no usable answer lately: `throttled` (429, 503 or any answer carrying a
 * Retry-After: the service is busy, the operation is not failing) or `unreachable` (no answer, a
 * 5xx/408 without Retry-After, or a body that is not an operation).
 */
export const monitorTroubleKinds = ["throttled", "unreachable"] as const;
export type MonitorTroubleKind = (typeof monitorTroubleKinds)[number];

/** What the engine keeps while the monitor gives no usable answer; cleared by the next answer. */
export const monitorTroubleSchema = z.object({
  kind: z.enum(monitorTroubleKinds),
  /** When the first failed poll of this run of failures came back (epoch ms). */
  since: z.number(),
  /** Failed polls in a row, throttled ones included. */
  polls: z.number().int().min(1),
  /** The last failure's error code (`upstream_http`, `transport`, ...). */
  code: z.string(),
  /** The last failure's message. */
  message: z.string().max(2000),
  /** The last failure's HTTP status, when an answer came. */
  httpStatus: z.number().int().optional(),
});
export type MonitorTrouble = z.infer<typeof monitorTroubleSchema>;
