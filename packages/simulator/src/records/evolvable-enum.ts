import type { SimulatedOperationKind } from "./operation-kind.js";

/**
 * Flavours whose status is an evolvable enum (it has the `unknownFutureValue` member). Graph sends a value
 * added after the client was written as `unknownFutureValue`, unless the request says
 * `Prefer: include-unknown-enum-members`. The others report a new value as it is.
 */
const evolvableKinds: ReadonlySet<SimulatedOperationKind> = new Set([
  "longRunningOperation",
  "richLongRunningOperation",
  "attackSimulationOperation",
  "engagementAsyncOperation",
  "teamsAsyncOperation",
  "dataPolicyOperation",
  "printerCreateOperation",
  "caseOperation",
  "placeOperation",
  "configurationSnapshotJob",
  "connectionOperation",
  "delegatedAdminRelationshipOperation",
  "approvalOperation",
  "mailFolderOperation",
]);

export const includeUnknownEnumMembers = "include-unknown-enum-members";

export function hasEvolvableStatus(kind: SimulatedOperationKind): boolean {
  return evolvableKinds.has(kind);
}
