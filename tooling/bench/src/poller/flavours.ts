/**
 * The simulator actions the poller benchmarks start, one per monitor style. `monitorHeader` is the header
 * Graph answers the 202 with: `@azure/core-lro` follows `Operation-Location` monitors by their body's
 * status but reads a `Location` monitor's 200 as "done".
 */
export const flavours = {
  /** engagementAsyncOperation: Operation-Location, status `succeeded`, no progress field. */
  community: {
    path: "/v1.0/employeeExperience/communities",
    body: { displayName: "Benchmark community" },
    monitorHeader: "Operation-Location",
    description: "community create (engagementAsyncOperation, no progress)",
  },
  /** onenoteOperation: Operation-Location, `percentComplete` as a string, status `completed`. */
  onenote: {
    path: "/v1.0/me/onenote/pages/bench-page/copyToSection",
    body: { id: "bench-section" },
    monitorHeader: "Operation-Location",
    description: "OneNote page copy (onenoteOperation, linear progress)",
  },
  /** printerCreateOperation: Operation-Location, status is an object `{ state, description }`, Retry-After 5. */
  printer: {
    path: "/v1.0/print/printers/create",
    body: { displayName: "Benchmark printer" },
    monitorHeader: "Operation-Location",
    description: "printer create (printerCreateOperation, status object)",
  },
  /** richLongRunningOperation: Location, 200 + body with status while running, `percentageComplete`. */
  contentTypeCopy: {
    path: "/v1.0/sites/bench-site/contentTypes/addCopyFromContentTypeHub",
    body: {},
    monitorHeader: "Location",
    description: "content type copy (richLongRunningOperation, Location, linear progress)",
  },
  /** asyncJobStatus: Location on a second origin, 202 + body while running, 303 See Other at the end. */
  driveItemCopy: {
    path: "/v1.0/drives/bench-drive/items/bench-item/copy",
    body: { name: "copy.txt" },
    monitorHeader: "Location",
    description: "driveItem copy (asyncJobStatus, Location, 303 at the end)",
  },
} as const;

export type FlavourName = keyof typeof flavours;
