import type { OperationKind } from "./operation-kind.js";

/** Path shapes of the monitors Graph hands out, most specific first (OData key syntax included). */
const monitorPaths: readonly (readonly [RegExp, OperationKind])[] = [
  [/\/_api\/v2\.\d\/monitor\//i, "asyncJobStatus"],
  [/\/teams(?:\(|\/)[^?#]*\/operations(?:\(|\/)/i, "teamsAsyncOperation"],
  [/\/print\/operations(?:\(|\/)/i, "printerCreateOperation"],
  [/\/dataPolicyOperations(?:\(|\/)/i, "dataPolicyOperation"],
  [/\/engagementAsyncOperations(?:\(|\/)/i, "engagementAsyncOperation"],
  [/\/onenote\/operations(?:\(|\/)/i, "onenoteOperation"],
  [/\/workbook\/operations(?:\(|\/)/i, "workbookOperation"],
  [/\/attackSimulation\/operations(?:\(|\/)/i, "attackSimulationOperation"],
  [/\/sites(?:\(|\/)[^?#]*\/operations(?:\(|\/)/i, "richLongRunningOperation"],
  [/\/authentication\/operations(?:\(|\/)/i, "longRunningOperation"],
];

/**
 * The flavour a monitor address usually answers with, read from the shape of its path
 * (`/teams('a')/operations('b')` is a teamsAsyncOperation), or `undefined` when the path says nothing.
 * A hint for showing an operation before its first answer: the answer's own shape still decides.
 */
export function kindOfMonitorUrl(monitorUrl: string | URL): OperationKind | undefined {
  const text = typeof monitorUrl === "string" ? monitorUrl : monitorUrl.href;
  const path = URL.canParse(text) ? new URL(text).pathname : text;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: read the path as it is.
  }
  return monitorPaths.find(([shape]) => shape.test(decoded))?.[1];
}
