import { operationKinds } from "./operation-kind.js";
import type { OperationKind } from "./operation-kind.js";

/** `@odata.type` names (lower case, without `#microsoft.graph.`) that name a flavour. */
const kindOfODataName: ReadonlyMap<string, OperationKind> = new Map<string, OperationKind>([
  ...operationKinds.map((kind): [string, OperationKind] => [kind.toLowerCase(), kind]),
  ["validateoperation", "longRunningOperation"],
  ["telephonenumberlongrunningoperation", "longRunningOperation"],
  ["commsoperation", "operation"],
  ["printoperation", "printerCreateOperation"],
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The flavour an `@odata.type` names, or undefined for a type no flavour models. */
export function kindOfODataType(odataType: string): OperationKind | undefined {
  const name = odataType
    .trim()
    .replace(/^#/, "")
    .toLowerCase()
    .replace(/^microsoft\.graph\./, "");
  return kindOfODataName.get(name);
}

function isWord(value: unknown, ...words: string[]): boolean {
  return typeof value === "string" && words.includes(value.trim().toLowerCase());
}

function kindOfShape(payload: Record<string, unknown>): OperationKind {
  const has = (...keys: string[]) => keys.some((key) => Object.hasOwn(payload, key));
  const status = payload["status"];
  if (isRecord(status)) return "printerCreateOperation";
  if (has("targetResourceId", "targetResourceLocation", "attemptsCount")) return "teamsAsyncOperation";
  if (has("percentageCompleted", "tenantId")) return "attackSimulationOperation";
  if (has("progress", "storageLocation", "submittedDateTime", "completedDateTime", "userId")) {
    return "dataPolicyOperation";
  }
  if (has("percentComplete")) return "onenoteOperation";
  if (has("statusDescription", "operation") || typeof payload["id"] !== "string" || payload["id"] === "") {
    return "asyncJobStatus";
  }
  if (isWord(status, "inprogress", "invalid")) return "teamsAsyncOperation";
  if (has("operationType")) return "engagementAsyncOperation";
  if (isWord(status, "complete")) return "dataPolicyOperation";
  if (isWord(status, "completed"))
    return has("resourceId", "resourceLocation", "error") ? "onenoteOperation" : "operation";
  if (has("percentageComplete", "resourceId", "type")) return "richLongRunningOperation";
  if (!has("createdDateTime", "lastActionDateTime", "statusDetail")) return "workbookOperation";
  return has("error") ? "richLongRunningOperation" : "longRunningOperation";
}

/**
 * The flavour of a Graph operation payload: from `@odata.type` when it names one, otherwise from the
 * payload's distinctive properties. `undefined` for anything but a JSON object.
 */
export function detectOperationKind(input: unknown): OperationKind | undefined {
  if (!isRecord(input)) return undefined;
  const odataType = input["@odata.type"];
  const named = typeof odataType === "string" ? kindOfODataType(odataType) : undefined;
  return named ?? kindOfShape(input);
}
