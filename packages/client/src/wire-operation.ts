import { operationErrorSchema, operationKindSchema, operationStatusSchema } from "@lro/core";
import { z } from "zod";
import { wireTrackingSchema } from "./wire-tracking.js";

/**
 * An operation as lro-proxy serves it: Graph's `richLongRunningOperation` JSON (the error as a
 * `publicError`), plus the flavour the monitor spoke (`kind`), its status word as received
 * (`upstreamStatus`), the monitor followed (`monitorUrl`), the change sequence (`version`) and, while it
 * matters, what the proxy knows beyond the monitor's words (`tracking`).
 * This is the contract: the proxy produces exactly this, and its OpenAPI document is made from it.
 */
export const wireOperationSchema = z
  .object({
    id: z.string().min(1).describe("The proxy's id of the operation."),
    status: operationStatusSchema.describe(
      "Graph's status: notStarted, running, succeeded, failed (or unknownFutureValue).",
    ),
    statusDetail: z
      .string()
      .optional()
      .describe("The proxy's note while it has one (e.g. waiting for a token), else the monitor's."),
    createdDateTime: z.string().describe("When the proxy began following the operation (ISO 8601)."),
    lastActionDateTime: z
      .string()
      .describe("The monitor's last action, else the record's last change (ISO 8601)."),
    percentageComplete: z.number().int().min(0).max(100).optional(),
    resourceLocation: z
      .string()
      .optional()
      .describe(
        "Where the created or changed resource is; a relative one is made versioned and absolute under the proxy.",
      ),
    resourceId: z.string().optional(),
    type: z.string().optional(),
    error: operationErrorSchema.optional(),
    kind: operationKindSchema.describe("The monitor flavour the upstream spoke."),
    upstreamStatus: z.string().describe("The monitor's own status word, as received."),
    monitorUrl: z.string().describe("The upstream monitor the proxy follows."),
    version: z
      .number()
      .int()
      .positive()
      .describe("The change sequence: the id of the event that carried this state."),
    tracking: wireTrackingSchema.optional(),
  })
  .meta({ id: "Operation" });
export type WireOperation = z.infer<typeof wireOperationSchema>;
