import { asyncJobStatusFlavour } from "./async-job-status.js";
import { attackSimulationOperationFlavour } from "./attack-simulation-operation.js";
import { betaOperationFlavour } from "./beta-operation.js";
import { dataPolicyOperationFlavour } from "./data-policy-operation.js";
import { engagementAsyncOperationFlavour } from "./engagement-async-operation.js";
import type { Flavour } from "./flavour.js";
import { longRunningOperationFlavour } from "./long-running-operation.js";
import { onenoteOperationFlavour } from "./onenote-operation.js";
import type { OperationKind } from "./operation-kind.js";
import { printerCreateOperationFlavour } from "./printer-create-operation.js";
import { richLongRunningOperationFlavour } from "./rich-long-running-operation.js";
import { teamsAsyncOperationFlavour } from "./teams-async-operation.js";
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
};
