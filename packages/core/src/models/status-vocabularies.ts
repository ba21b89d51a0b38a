import type { OperationKind } from "./operation-kind.js";
import type { OperationStatus } from "./operation-status.js";

/**
 * What a status word means: a normalised `OperationStatus`, or `succeededPartly` for the words that end
 * an operation with only part of its work done (`partiallySucceeded`, `partiallySuccessful`). Those read
 * as `succeeded`: the work produced a result that can be used (Graph lists them among the terminal
 * successes); `isPartlySucceeded` tells them apart and the flavour's detail (its error, error details or
 * counts) is kept.
 */
export type StatusWordMeaning = OperationStatus | "succeededPartly";

/**
 * Every status vocabulary of Graph's operation monitors, in the spelling Microsoft documents, each word
 * mapped to what it means. Words are compared case-insensitively; the first word of a vocabulary with
 * a meaning is the one written back for it.
 */
export const statusVocabularies = {
  longRunningOperationStatus: {
    notStarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
    unknownFutureValue: "unknownFutureValue",
  },
  "tenantGovernanceServices.longRunningOperationStatus": {
    notStarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
    unknownFutureValue: "unknownFutureValue",
  },
  operationStatus: {
    notStarted: "notStarted",
    running: "running",
    completed: "succeeded",
    failed: "failed",
  },
  teamsAsyncOperationStatus: {
    notStarted: "notStarted",
    inProgress: "running",
    succeeded: "succeeded",
    failed: "failed",
    unknownFutureValue: "unknownFutureValue",
    // The enum's unset value: documented, never terminal.
    invalid: "unknownFutureValue",
  },
  asyncJobStatus: {
    notStarted: "notStarted",
    inProgress: "running",
    completed: "succeeded",
    failed: "failed",
    updating: "running",
    waiting: "running",
    deletePending: "running",
    deleteFailed: "failed",
  },
  dataPolicyOperationStatus: {
    notStarted: "notStarted",
    running: "running",
    complete: "succeeded",
    failed: "failed",
    unknownFutureValue: "unknownFutureValue",
  },
  printOperationProcessingState: {
    notStarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
    unknownFutureValue: "unknownFutureValue",
  },
  workbookOperationStatus: {
    notStarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
  },
  caseOperationStatus: {
    notStarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
    partiallySucceeded: "succeededPartly",
    submissionFailed: "failed",
    unknownFutureValue: "unknownFutureValue",
  },
  connectionOperationStatus: {
    unspecified: "notStarted",
    inprogress: "running",
    completed: "succeeded",
    failed: "failed",
    unknownFutureValue: "unknownFutureValue",
  },
  approvalOperationStatus: {
    scheduled: "notStarted",
    inProgress: "running",
    succeeded: "succeeded",
    failed: "failed",
    timeout: "failed",
    unknownFutureValue: "unknownFutureValue",
  },
  mailFolderOperationStatus: {
    notStarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
    unknownFutureValue: "unknownFutureValue",
  },
  placeOperationStatus: {
    created: "notStarted",
    inProgress: "running",
    succeeded: "succeeded",
    failed: "failed",
    partiallySucceeded: "succeededPartly",
    expired: "failed",
    unknownFutureValue: "unknownFutureValue",
  },
  snapshotJobStatus: {
    notStarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
    partiallySuccessful: "succeededPartly",
    unknownFutureValue: "unknownFutureValue",
  },
  teamworkDeviceOperationStatus: {
    Queued: "notStarted",
    Scheduled: "notStarted",
    InProgress: "running",
    Successful: "succeeded",
    Failed: "failed",
    Cancelled: "failed",
  },
} as const satisfies Record<string, Record<string, StatusWordMeaning>>;

export type StatusVocabularyName = keyof typeof statusVocabularies;

/** The vocabulary each flavour's `status` is documented with. */
export const statusVocabularyOfKind = {
  longRunningOperation: "longRunningOperationStatus",
  richLongRunningOperation: "longRunningOperationStatus",
  attackSimulationOperation: "longRunningOperationStatus",
  engagementAsyncOperation: "longRunningOperationStatus",
  delegatedAdminRelationshipOperation: "longRunningOperationStatus",
  operation: "operationStatus",
  onenoteOperation: "operationStatus",
  commsOperation: "operationStatus",
  teamsAsyncOperation: "teamsAsyncOperationStatus",
  asyncJobStatus: "asyncJobStatus",
  dataPolicyOperation: "dataPolicyOperationStatus",
  printerCreateOperation: "printOperationProcessingState",
  workbookOperation: "workbookOperationStatus",
  caseOperation: "caseOperationStatus",
  connectionOperation: "connectionOperationStatus",
  teamworkDeviceOperation: "teamworkDeviceOperationStatus",
  approvalOperation: "approvalOperationStatus",
  mailFolderOperation: "mailFolderOperationStatus",
  placeOperation: "placeOperationStatus",
  configurationSnapshotJob: "snapshotJobStatus",
} as const satisfies Record<OperationKind, StatusVocabularyName>;
