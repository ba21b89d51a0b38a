import { approvalOperationFlavour } from "./approval-operation.js";
import { asyncJobStatusFlavour } from "./async-job-status.js";
import { attackSimulationOperationFlavour } from "./attack-simulation-operation.js";
import { betaOperationFlavour } from "./beta-operation.js";
import { caseOperationFlavour } from "./case-operation.js";
import { commsOperationFlavour } from "./comms-operation.js";
import { configurationSnapshotJobFlavour } from "./configuration-snapshot-job.js";
import { connectionOperationFlavour } from "./connection-operation.js";
import { dataPolicyOperationFlavour } from "./data-policy-operation.js";
import { delegatedAdminRelationshipOperationFlavour } from "./delegated-admin-relationship-operation.js";
import { engagementAsyncOperationFlavour } from "./engagement-async-operation.js";
import type { Flavour } from "./flavour.js";
import { longRunningOperationFlavour } from "./long-running-operation.js";
import { mailFolderOperationFlavour } from "./mail-folder-operation.js";
import { onenoteOperationFlavour } from "./onenote-operation.js";
import type { OperationKind } from "./operation-kind.js";
import { placeOperationFlavour } from "./place-operation.js";
import { printerCreateOperationFlavour } from "./printer-create-operation.js";
import { richLongRunningOperationFlavour } from "./rich-long-running-operation.js";
import { teamsAsyncOperationFlavour } from "./teams-async-operation.js";
import { teamworkDeviceOperationFlavour } from "./teamwork-device-operation.js";
import { workbookOperationFlavour } from "./workbook-operation.js";

/** Every flavour by kind. */
export const flavours: Readonly<Record<OperationKind, Flavour>> = {
  longRunningOperation: longRunningOperationFlavour,
  richLongRunningOperation: richLongRunningOperationFlavour,
  operation: betaOperationFlavour,
  teamsAsyncOperation: teamsAsyncOperationFlavour,
  asyncJobStatus: asyncJobStatusFlavour,
  onenoteOperation: onenoteOperationFlavour,
  attackSimulationOperation: attackSimulationOperationFlavour,
  engagementAsyncOperation: engagementAsyncOperationFlavour,
  dataPolicyOperation: dataPolicyOperationFlavour,
  printerCreateOperation: printerCreateOperationFlavour,
  workbookOperation: workbookOperationFlavour,
  commsOperation: commsOperationFlavour,
  caseOperation: caseOperationFlavour,
  connectionOperation: connectionOperationFlavour,
  delegatedAdminRelationshipOperation: delegatedAdminRelationshipOperationFlavour,
  teamworkDeviceOperation: teamworkDeviceOperationFlavour,
  approvalOperation: approvalOperationFlavour,
  mailFolderOperation: mailFolderOperationFlavour,
  placeOperation: placeOperationFlavour,
  configurationSnapshotJob: configurationSnapshotJobFlavour,
};
