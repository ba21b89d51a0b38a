import { z } from "zod";

/**
 * Every Graph operation-monitor flavour @lro/core reads. A flavour is a base type: its derived types
 * (`#microsoft.graph.playPromptOperation`, `#microsoft.graph.security.ediscoveryExportOperation`...)
 * read as it (see `graphMonitorTypes`).
 */
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
  "commsOperation",
  "caseOperation",
  "connectionOperation",
  "delegatedAdminRelationshipOperation",
  "teamworkDeviceOperation",
  "approvalOperation",
  "mailFolderOperation",
  "placeOperation",
  "configurationSnapshotJob",
] as const;
export const operationKindSchema = z.enum(operationKinds);
export type OperationKind = z.infer<typeof operationKindSchema>;
