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

/** Entity sets whose `@odata.context` names the flavour, e.g. `$metadata#users('x')/onenote/operations/$entity`. */
const kindOfContext: readonly (readonly [RegExp, OperationKind])[] = [
  [/\/onenote\/operations\b/i, "onenoteOperation"],
  [/\bengagementAsyncOperations\b/i, "engagementAsyncOperation"],
  [/\bdataPolicyOperations\b/i, "dataPolicyOperation"],
  [/\bprint\/operations\b/i, "printerCreateOperation"],
  [/\/workbook\/operations\b/i, "workbookOperation"],
  [/\bteams\b.*\/operations\b/i, "teamsAsyncOperation"],
  [/\battackSimulation\b.*\/operations\b/i, "attackSimulationOperation"],
];

function isWord(value: unknown, ...words: string[]): boolean {
  return typeof value === "string" && words.includes(value.trim().toLowerCase());
}

/** The flavour told by the payload's distinctive properties (and, where they agree, its status word). */
function kindOfShape(payload: Record<string, unknown>): OperationKind {
  const has = (...keys: string[]) => keys.some((key) => Object.hasOwn(payload, key));
  const status = payload["status"];
  if (isRecord(status)) return "printerCreateOperation";
  if (has("targetResourceId", "targetResourceLocation", "attemptsCount")) return "teamsAsyncOperation";
  if (has("percentageCompleted", "tenantId")) return "attackSimulationOperation";
  if (has("progress", "storageLocation", "submittedDateTime", "userId")) return "dataPolicyOperation";
  if (has("percentComplete")) return "onenoteOperation";
  const noId = payload["id"] === undefined || payload["id"] === null || payload["id"] === "";
  const entityProperty = has(
    "createdDateTime",
    "lastActionDateTime",
    "statusDetail",
    "resourceLocation",
    "type",
  );
  if (has("statusDescription", "operation") || (noId && !entityProperty)) return "asyncJobStatus";
  if (isWord(status, "inprogress", "invalid")) return "teamsAsyncOperation";
  if (has("operationType")) return "engagementAsyncOperation";
  if (isWord(status, "complete")) return "dataPolicyOperation";
  if (isWord(status, "completed") && has("resourceId", "resourceLocation", "error"))
    return "onenoteOperation";
  if (has("percentageComplete", "resourceId", "type")) return "richLongRunningOperation";
  if (!has("createdDateTime", "lastActionDateTime", "statusDetail")) return "workbookOperation";
  const longRunningWord = isWord(
    status,
    "succeeded",
    "partiallysucceeded",
    "submissionfailed",
    "unknownfuturevalue",
  );
  if (!has("resourceLocation", "statusDetail", "error") && !longRunningWord) return "operation";
  return has("error") ? "richLongRunningOperation" : "longRunningOperation";
}

function kindOfODataContext(context: unknown): OperationKind | undefined {
  if (typeof context !== "string") return undefined;
  const entitySet = context.slice(context.indexOf("#") + 1);
  return kindOfContext.find(([pattern]) => pattern.test(entitySet))?.[1];
}

/**
 * The flavour of a Graph operation payload: from `@odata.type` when it names one, else from the entity
 * set its `@odata.context` names, else from the payload's distinctive properties (see the README's
 * table). `undefined` for anything but a JSON object.
 */
export function detectOperationKind(input: unknown): OperationKind | undefined {
  if (!isRecord(input)) return undefined;
  const odataType = input["@odata.type"];
  const named = typeof odataType === "string" ? kindOfODataType(odataType) : undefined;
  return named ?? kindOfODataContext(input["@odata.context"]) ?? kindOfShape(input);
}
