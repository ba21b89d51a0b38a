import { z } from "zod";

/**
 * Graph's `longRunningOperationStatus`: the one vocabulary every flavour's status is normalised to.
 * `unknownFutureValue` stands for any value no vocabulary knows: never terminal, never an exception.
 */
export const operationStatuses = [
  "notStarted",
  "running",
  "succeeded",
  "failed",
  "unknownFutureValue",
] as const;
export const operationStatusSchema = z.enum(operationStatuses);
export type OperationStatus = z.infer<typeof operationStatusSchema>;
