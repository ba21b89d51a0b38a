/** The Graph operation-monitor flavours the simulator serves (the same names @lro/core uses). */
export const simulatedOperationKinds = [
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
  "placeOperation",
  "configurationSnapshotJob",
  "connectionOperation",
  "delegatedAdminRelationshipOperation",
  "teamworkDeviceOperation",
  "approvalOperation",
  "mailFolderOperation",
] as const;
export type SimulatedOperationKind = (typeof simulatedOperationKinds)[number];
