import { z } from "zod";

/** Every Graph operation-monitor flavour @lro/core reads. */
export const operationKinds = [
  "longRunningOperation",
  "richLongRunningOperation",
  "operation",
  "teamsAsyncOperation",
  "asyncJobStatus",
  "onenoteOperation",
  "attackSimulationOperation",
  "engagementAsyncOperation",
  "dataPolicyOperation",
  "printerCreateOperation",
  "workbookOperation",
] as const;
export const operationKindSchema = z.enum(operationKinds);
export type OperationKind = z.infer<typeof operationKindSchema>;
