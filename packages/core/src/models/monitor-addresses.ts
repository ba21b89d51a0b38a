import type { OperationKind } from "./operation-kind.js";

/** One documented monitor address: its template as Microsoft writes it, and the flavour it answers with. */
export interface MonitorAddress {
  /** `{id}` is any key segment, `{owner}` one of `me`, `users/{id}`, `groups/{id}`, `sites/{id}`. */
  readonly template: string;
  readonly kind: OperationKind;
  /** Also matched on other origins (SharePoint, OneDrive): these monitors live outside Graph. */
  readonly otherOrigin?: true;
}

/** Every monitor address Microsoft documents (paths without the version segment). */
export const monitorAddresses: readonly MonitorAddress[] = [
  { template: "/communications/calls/{id}/operations/{id}", kind: "commsOperation" },
  { template: "/security/cases/ediscoveryCases/{id}/operations/{id}", kind: "caseOperation" },
  {
    template: "/security/cases/ediscoveryCases/{id}/searches/{id}/lastEstimateStatisticsOperation",
    kind: "caseOperation",
  },
  {
    template: "/security/cases/ediscoveryCases/{id}/custodians/{id}/lastIndexOperation",
    kind: "caseOperation",
  },
  { template: "/compliance/ediscovery/cases/{id}/operations/{id}", kind: "caseOperation" },
  {
    template: "/compliance/ediscovery/cases/{id}/sourceCollections/{id}/addToReviewSetOperation",
    kind: "caseOperation",
  },
  {
    template: "/compliance/ediscovery/cases/{id}/sourceCollections/{id}/lastEstimateStatisticsOperation",
    kind: "caseOperation",
  },
  { template: "/external/connections/{id}/operations/{id}", kind: "connectionOperation" },
  { template: "/external/industryData/operations/{id}", kind: "longRunningOperation" },
  {
    template: "/tenantRelationships/delegatedAdminRelationships/{id}/operations/{id}",
    kind: "delegatedAdminRelationshipOperation",
  },
  { template: "/reports/partners/billing/operations/{id}", kind: "richLongRunningOperation" },
  { template: "/admin/teams/telephoneNumberManagement/operations/{id}", kind: "longRunningOperation" },
  { template: "/teams/{id}/operations/{id}", kind: "teamsAsyncOperation" },
  { template: "/chats/{id}/operations/{id}", kind: "teamsAsyncOperation" },
  { template: "/teamwork/devices/{id}/operations/{id}", kind: "teamworkDeviceOperation" },
  { template: "/solutions/approval/operations/{id}", kind: "approvalOperation" },
  { template: "/me/mailFolders/{id}/operations/{id}", kind: "mailFolderOperation" },
  { template: "/users/{id}/mailFolders/{id}/operations/{id}", kind: "mailFolderOperation" },
  { template: "/places/getOperation/{id}", kind: "placeOperation" },
  { template: "/employeeExperience/goals/exportJobs/{id}", kind: "longRunningOperation" },
  { template: "/employeeExperience/engagementAsyncOperations/{id}", kind: "engagementAsyncOperation" },
  { template: "/security/attackSimulation/operations/{id}", kind: "attackSimulationOperation" },
  { template: "/me/authentication/operations/{id}", kind: "longRunningOperation" },
  { template: "/users/{id}/authentication/operations/{id}", kind: "longRunningOperation" },
  { template: "/{owner}/onenote/operations/{id}", kind: "onenoteOperation" },
  { template: "/print/operations/{id}", kind: "printerCreateOperation" },
  { template: "/dataPolicyOperations/{id}", kind: "dataPolicyOperation" },
  { template: "/sites/{id}/operations/{id}", kind: "richLongRunningOperation" },
  { template: "/sites/{id}/lists/{id}/operations/{id}", kind: "richLongRunningOperation" },
  { template: "/{owner}/drive/items/{id}/workbook/operations/{id}", kind: "workbookOperation" },
  { template: "/drives/{id}/items/{id}/workbook/operations/{id}", kind: "workbookOperation" },
  { template: "/_api/v2.0/monitor/{id}", kind: "asyncJobStatus", otherOrigin: true },
  { template: "/sites/{id}/_api/v2.0/monitor/{id}", kind: "asyncJobStatus", otherOrigin: true },
  { template: "/monitor/{id}", kind: "asyncJobStatus", otherOrigin: true },
  {
    template: "/admin/configurationManagement/configurationSnapshotJobs/{id}",
    kind: "configurationSnapshotJob",
  },
];

/**
 * Operations whose start answers with the operation itself and no monitor header: their address is
 * their entity's (relative, without the version segment).
 */
const entityAddresses: Partial<Readonly<Record<OperationKind, (id: string) => string>>> = {
  configurationSnapshotJob: (id) =>
    `/admin/configurationManagement/configurationSnapshotJobs/${encodeURIComponent(id)}`,
};

/** The monitor address of an operation answered in a start request's body, where its flavour has one. */
export function entityMonitorAddress(operation: {
  kind: OperationKind;
  id?: string | undefined;
}): string | undefined {
  const address = entityAddresses[operation.kind];
  return address === undefined || operation.id === undefined ? undefined : address(operation.id);
}
