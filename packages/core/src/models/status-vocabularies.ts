import type { OperationKind } from "./operation-kind.js";
import type { OperationStatus } from "./operation-status.js";

/**
 * Every status vocabulary Graph uses for its operation monitors, each value mapped to the normalised
 * `OperationStatus`. Keys are lower case (values are compared case-insensitively); the first key of a
 * vocabulary that maps to a status is the word written back for that status.
 */
export const statusVocabularies = {
  longRunningOperationStatus: {
    notstarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
    unknownfuturevalue: "unknownFutureValue",
  },
  operationStatus: {
    notstarted: "notStarted",
    running: "running",
    completed: "succeeded",
    failed: "failed",
  },
  teamsAsyncOperationStatus: {
    notstarted: "notStarted",
    inprogress: "running",
    succeeded: "succeeded",
    failed: "failed",
    // Documented but never terminal (graph-operations section 2): the enum's unset value, read as unknown.
    invalid: "unknownFutureValue",
    unknownfuturevalue: "unknownFutureValue",
  },
  asyncJobStatus: {
    notstarted: "notStarted",
    inprogress: "running",
    completed: "succeeded",
    failed: "failed",
    updating: "running",
    waiting: "running",
    deletepending: "running",
    deletefailed: "failed",
  },
  dataPolicyOperationStatus: {
    notstarted: "notStarted",
    running: "running",
    complete: "succeeded",
    failed: "failed",
    unknownfuturevalue: "unknownFutureValue",
  },
  printOperationProcessingState: {
    notstarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
    unknownfuturevalue: "unknownFutureValue",
  },
  workbookOperationStatus: {
    notstarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
  },
  caseOperationStatus: {
    notstarted: "notStarted",
    running: "running",
    succeeded: "succeeded",
    failed: "failed",
    partiallysucceeded: "succeeded",
    submissionfailed: "failed",
    unknownfuturevalue: "unknownFutureValue",
  },
  connectionOperationStatus: {
    unspecified: "notStarted",
    inprogress: "running",
    completed: "succeeded",
    failed: "failed",
    unknownfuturevalue: "unknownFutureValue",
  },
} as const satisfies Record<string, Record<string, OperationStatus>>;

export type StatusVocabularyName = keyof typeof statusVocabularies;

/** The vocabulary each flavour's `status` is documented with. */
export const statusVocabularyOfKind = {
  longRunningOperation: "longRunningOperationStatus",
  richLongRunningOperation: "longRunningOperationStatus",
  attackSimulationOperation: "longRunningOperationStatus",
  engagementAsyncOperation: "longRunningOperationStatus",
  operation: "operationStatus",
  onenoteOperation: "operationStatus",
  teamsAsyncOperation: "teamsAsyncOperationStatus",
  asyncJobStatus: "asyncJobStatus",
  dataPolicyOperation: "dataPolicyOperationStatus",
  printerCreateOperation: "printOperationProcessingState",
  workbookOperation: "workbookOperationStatus",
} as const satisfies Record<OperationKind, StatusVocabularyName>;
