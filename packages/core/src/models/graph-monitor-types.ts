import type { OperationKind } from "./operation-kind.js";
import type { StatusVocabularyName } from "./status-vocabularies.js";

export type GraphVersion = "v1.0" | "beta";

/** One operation-monitor type of Graph's metadata (or API reference), and the flavour it reads as. */
export interface GraphMonitorType {
  /** The type's name without `microsoft.graph.` (`security.ediscoveryExportOperation`). */
  readonly name: string;
  /** The flavour it reads as: its own, or its base type's. */
  readonly kind: OperationKind;
  /** The type it derives from, when that is another monitor type. */
  readonly base?: string;
  readonly versions: readonly GraphVersion[];
  readonly vocabulary: StatusVocabularyName;
}

const both: readonly GraphVersion[] = ["v1.0", "beta"];
const beta: readonly GraphVersion[] = ["beta"];

function derived(
  base: string,
  kind: OperationKind,
  vocabulary: StatusVocabularyName,
  versions: readonly GraphVersion[],
  names: readonly string[],
): GraphMonitorType[] {
  return names.map((name) => ({ name, kind, base, versions, vocabulary }));
}

/**
 * Every monitor type Microsoft documents, base types first (the first type of a flavour is the one
 * `toGraphJson` names in `@odata.type`).
 */
export const graphMonitorTypes: readonly GraphMonitorType[] = [
  {
    name: "longRunningOperation",
    kind: "longRunningOperation",
    versions: both,
    vocabulary: "longRunningOperationStatus",
  },
  ...derived("longRunningOperation", "richLongRunningOperation", "longRunningOperationStatus", both, [
    "richLongRunningOperation",
  ]),
  ...derived("longRunningOperation", "attackSimulationOperation", "longRunningOperationStatus", both, [
    "attackSimulationOperation",
  ]),
  ...derived("longRunningOperation", "engagementAsyncOperation", "longRunningOperationStatus", both, [
    "engagementAsyncOperation",
  ]),
  ...derived("longRunningOperation", "longRunningOperation", "longRunningOperationStatus", beta, [
    "goalsExportJob",
    "industryData.validateOperation",
  ]),
  ...derived("industryData.validateOperation", "longRunningOperation", "longRunningOperationStatus", beta, [
    "industryData.fileValidateOperation",
  ]),
  {
    name: "teamsAdministration.telephoneNumberLongRunningOperation",
    kind: "longRunningOperation",
    versions: both,
    vocabulary: "longRunningOperationStatus",
  },
  {
    name: "tenantGovernanceServices.longRunningOperation",
    kind: "longRunningOperation",
    versions: beta,
    vocabulary: "tenantGovernanceServices.longRunningOperationStatus",
  },
  {
    name: "delegatedAdminRelationshipOperation",
    kind: "delegatedAdminRelationshipOperation",
    versions: both,
    vocabulary: "longRunningOperationStatus",
  },
  // The partner billing family reads as richLongRunningOperation: one of them carries an `error`.
  {
    name: "partners.billing.operation",
    kind: "richLongRunningOperation",
    versions: both,
    vocabulary: "longRunningOperationStatus",
  },
  ...derived("partners.billing.operation", "richLongRunningOperation", "longRunningOperationStatus", both, [
    "partners.billing.runningOperation",
    "partners.billing.failedOperation",
    "partners.billing.exportSuccessOperation",
  ]),
  { name: "operation", kind: "operation", versions: both, vocabulary: "operationStatus" },
  ...derived("operation", "onenoteOperation", "operationStatus", both, ["onenoteOperation"]),
  { name: "commsOperation", kind: "commsOperation", versions: both, vocabulary: "operationStatus" },
  ...derived("commsOperation", "commsOperation", "operationStatus", both, [
    "addLargeGalleryViewOperation",
    "cancelMediaProcessingOperation",
    "inviteParticipantsOperation",
    "muteParticipantOperation",
    "playPromptOperation",
    "recordOperation",
    "sendDtmfTonesOperation",
    "startHoldMusicOperation",
    "stopHoldMusicOperation",
    "subscribeToToneOperation",
    "unmuteParticipantOperation",
    "updateRecordingStatusOperation",
  ]),
  {
    name: "teamsAsyncOperation",
    kind: "teamsAsyncOperation",
    versions: both,
    vocabulary: "teamsAsyncOperationStatus",
  },
  {
    name: "printOperation",
    kind: "printerCreateOperation",
    versions: both,
    vocabulary: "printOperationProcessingState",
  },
  ...derived("printOperation", "printerCreateOperation", "printOperationProcessingState", both, [
    "printerCreateOperation",
  ]),
  {
    name: "dataPolicyOperation",
    kind: "dataPolicyOperation",
    versions: both,
    vocabulary: "dataPolicyOperationStatus",
  },
  {
    name: "workbookOperation",
    kind: "workbookOperation",
    versions: both,
    vocabulary: "workbookOperationStatus",
  },
  // Documented by the OneDrive and SharePoint references; not in the metadata.
  { name: "asyncJobStatus", kind: "asyncJobStatus", versions: both, vocabulary: "asyncJobStatus" },
  {
    name: "security.caseOperation",
    kind: "caseOperation",
    versions: both,
    vocabulary: "caseOperationStatus",
  },
  ...derived("security.caseOperation", "caseOperation", "caseOperationStatus", both, [
    "security.ediscoveryAddToReviewSetOperation",
    "security.ediscoveryEstimateOperation",
    "security.ediscoveryExportOperation",
    "security.ediscoveryHoldOperation",
    "security.ediscoveryHoldPolicySyncOperation",
    "security.ediscoveryIndexOperation",
    "security.ediscoveryPurgeDataOperation",
    "security.ediscoverySearchExportOperation",
    "security.ediscoveryTagOperation",
  ]),
  {
    name: "ediscovery.caseOperation",
    kind: "caseOperation",
    versions: beta,
    vocabulary: "caseOperationStatus",
  },
  ...derived("ediscovery.caseOperation", "caseOperation", "caseOperationStatus", beta, [
    "ediscovery.addToReviewSetOperation",
    "ediscovery.caseExportOperation",
    "ediscovery.caseHoldOperation",
    "ediscovery.caseIndexOperation",
    "ediscovery.estimateStatisticsOperation",
    "ediscovery.purgeDataOperation",
    "ediscovery.tagOperation",
  ]),
  {
    name: "externalConnectors.connectionOperation",
    kind: "connectionOperation",
    versions: both,
    vocabulary: "connectionOperationStatus",
  },
  {
    name: "connectionOperation",
    kind: "connectionOperation",
    versions: beta,
    vocabulary: "connectionOperationStatus",
  },
  {
    name: "teamworkDeviceOperation",
    kind: "teamworkDeviceOperation",
    versions: beta,
    vocabulary: "teamworkDeviceOperationStatus",
  },
  {
    name: "approvalOperation",
    kind: "approvalOperation",
    versions: beta,
    vocabulary: "approvalOperationStatus",
  },
  {
    name: "mailFolderOperation",
    kind: "mailFolderOperation",
    versions: beta,
    vocabulary: "mailFolderOperationStatus",
  },
  ...derived("mailFolderOperation", "mailFolderOperation", "mailFolderOperationStatus", beta, [
    "updateAllMessagesReadStateOperation",
  ]),
  { name: "placeOperation", kind: "placeOperation", versions: beta, vocabulary: "placeOperationStatus" },
  {
    name: "configurationSnapshotJob",
    kind: "configurationSnapshotJob",
    versions: both,
    vocabulary: "snapshotJobStatus",
  },
];

/** The `@odata.type` `toGraphJson` writes for each flavour: the type named as it, else its first type above. */
export const odataTypeOfKind: Readonly<Record<OperationKind, string>> = Object.fromEntries(
  graphMonitorTypes.map((type) => {
    const named = graphMonitorTypes.find((candidate) => candidate.name === type.kind);
    const first = graphMonitorTypes.find((candidate) => candidate.kind === type.kind) ?? type;
    return [type.kind, `#microsoft.graph.${(named ?? first).name}`];
  }),
) as Record<OperationKind, string>;
