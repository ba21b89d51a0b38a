import { z } from "zod";
import { operationKindSchema } from "./operation-kind.js";
import { operationStatusSchema } from "./operation-status.js";

export const operationErrorDetailSchema = z.object({
  code: z.string(),
  message: z.string(),
  target: z.string().optional(),
});
export type OperationErrorDetail = z.infer<typeof operationErrorDetailSchema>;

/** An inner error: an open type whose `innerError` may nest further. */
export interface OperationInnerError {
  code?: string;
  message?: string;
  target?: string;
  details?: OperationErrorDetail[];
  innerError?: OperationInnerError;
  [property: string]: unknown;
}
export const operationInnerErrorSchema: z.ZodType<OperationInnerError> = z.lazy(() =>
  z
    .object({
      code: z.string().optional(),
      message: z.string().optional(),
      target: z.string().optional(),
      details: z.array(operationErrorDetailSchema).optional(),
      innerError: operationInnerErrorSchema.optional(),
    })
    .catchall(z.unknown()),
);

/** Every flavour's error (publicError, operationError, onenoteOperationError, workbookOperationError), normalised. */
export const operationErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  target: z.string().optional(),
  details: z.array(operationErrorDetailSchema).optional(),
  innerError: operationInnerErrorSchema.optional(),
});
export type OperationError = z.infer<typeof operationErrorSchema>;

/**
 * A property the poller does not need whose value could not be read (a malformed timestamp, an
 * unexpected shape): the operation is read without it, its value stays in `raw`.
 */
export const operationWarningSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  pathText: z.string(),
  expected: z.string(),
  received: z.string(),
  message: z.string(),
});
export type OperationWarning = z.infer<typeof operationWarningSchema>;

/**
 * The one normalised model of a Graph long-running operation, whatever flavour it was read from.
 * Absent values are absent (Graph's empty strings are read as absent); `raw` is the payload as received.
 */
export const operationSchema = z.object({
  kind: operationKindSchema,
  id: z.string().optional(),
  status: operationStatusSchema,
  /** The status exactly as received (for `printerCreateOperation`, `status.state`). */
  rawStatus: z.string(),
  /** 0..100, whatever the source field's name (`percentageComplete`, `percentComplete`, `percentageCompleted`, `progress`) or type. */
  percentComplete: z.number().min(0).max(100).optional(),
  /** ISO 8601 as received, full precision kept. */
  createdDateTime: z.string().optional(),
  lastActionDateTime: z.string().optional(),
  resourceLocation: z.string().optional(),
  resourceId: z.string().optional(),
  statusDetail: z.string().optional(),
  type: z.string().optional(),
  operationType: z.string().optional(),
  error: operationErrorSchema.optional(),
  /** Properties read as absent because their value could not be read (kept as received in `raw`). */
  warnings: z.array(operationWarningSchema).optional(),
  raw: z.record(z.string(), z.unknown()),
});
export type Operation = z.infer<typeof operationSchema>;
