import type { Operation } from "@lro/core";

/** A normalised operation for tests: running at 40% unless told otherwise. */
export function makeOperation(overrides: Partial<Operation> & { id: string }): Operation {
  return {
    kind: "richLongRunningOperation",
    status: "running",
    rawStatus: overrides.status ?? "running",
    percentComplete: 40,
    type: "contentTypeCopy",
    createdDateTime: "2026-11-22T15:00:00Z",
    raw: {},
    ...overrides,
  };
}

export const failedOperation = makeOperation({
  id: "c3d4e5f6-0000-4000-8000-000000000003",
  status: "failed",
  rawStatus: "failed",
  percentComplete: 70,
  type: "siteCopy",
  error: {
    code: "quotaExceeded",
    message: "The destination site is over its storage quota.",
    innerError: { code: "storageLimit", message: "Site quota 25 GB reached", "request-id": "r-123" },
  },
});
