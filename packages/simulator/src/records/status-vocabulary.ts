import type { Phase } from "../timeline/operation-timeline.js";
import type { SimulatedOperationKind } from "./operation-kind.js";

type KnownPhase = Exclude<Phase, "future">;
type Vocabulary = Readonly<Record<KnownPhase, string>>;

const longRunning: Vocabulary = {
  notStarted: "notStarted",
  running: "running",
  succeeded: "succeeded",
  failed: "failed",
};
const olderOperation: Vocabulary = {
  notStarted: "notStarted",
  running: "running",
  succeeded: "completed",
  failed: "failed",
};

/** Each flavour's own words for the phases of an operation. */
const vocabularies: Readonly<Record<SimulatedOperationKind, Vocabulary>> = {
  longRunningOperation: longRunning,
  richLongRunningOperation: longRunning,
  attackSimulationOperation: longRunning,
  engagementAsyncOperation: longRunning,
  printerCreateOperation: longRunning,
  workbookOperation: longRunning,
  operation: olderOperation,
  onenoteOperation: olderOperation,
  commsOperation: olderOperation,
  caseOperation: longRunning,
  configurationSnapshotJob: longRunning,
  delegatedAdminRelationshipOperation: longRunning,
  mailFolderOperation: longRunning,
  connectionOperation: {
    notStarted: "unspecified",
    running: "inprogress",
    succeeded: "completed",
    failed: "failed",
  },
  teamworkDeviceOperation: {
    notStarted: "Queued",
    running: "InProgress",
    succeeded: "Successful",
    failed: "Failed",
  },
  approvalOperation: {
    notStarted: "scheduled",
    running: "inProgress",
    succeeded: "succeeded",
    failed: "failed",
  },
  placeOperation: {
    notStarted: "created",
    running: "inProgress",
    succeeded: "succeeded",
    failed: "failed",
  },
  teamsAsyncOperation: {
    notStarted: "notStarted",
    running: "inProgress",
    succeeded: "succeeded",
    failed: "failed",
  },
  asyncJobStatus: {
    notStarted: "notStarted",
    running: "inProgress",
    succeeded: "completed",
    failed: "failed",
  },
  dataPolicyOperation: {
    notStarted: "notStarted",
    running: "running",
    succeeded: "complete",
    failed: "failed",
  },
};

/** The raw status string a flavour reports in `phase`; `futureValue` is used as is for phase "future". */
export function rawStatus(kind: SimulatedOperationKind, phase: Phase, futureValue?: string): string {
  if (phase === "future") return futureValue ?? "unknownFutureValue";
  return vocabularies[kind][phase];
}
