import { describe, expect, it } from "vitest";
import { detectOperationKind, kindOfODataType } from "./detect-operation-kind.js";
import { operationKinds } from "./operation-kind.js";

describe("detectOperationKind", () => {
  it("reads the flavour from @odata.type, with or without the hash and in any casing", () => {
    for (const kind of operationKinds) {
      expect(detectOperationKind({ "@odata.type": `#microsoft.graph.${kind}`, status: "running" })).toBe(
        kind,
      );
      expect(detectOperationKind({ "@odata.type": `microsoft.graph.${kind.toUpperCase()}` })).toBe(kind);
    }
  });

  it("prefers @odata.type over the shape", () => {
    const payload = {
      "@odata.type": "#microsoft.graph.workbookOperation",
      id: "1",
      status: "running",
      attemptsCount: 1,
    };
    expect(detectOperationKind(payload)).toBe("workbookOperation");
  });

  it("reads derived types as their base flavour", () => {
    expect(kindOfODataType("#microsoft.graph.validateOperation")).toBe("longRunningOperation");
    expect(kindOfODataType("#microsoft.graph.printOperation")).toBe("printerCreateOperation");
  });

  it("reads namespaced and derived types by their base", () => {
    expect(kindOfODataType("#microsoft.graph.security.caseOperation")).toBe("caseOperation");
    expect(kindOfODataType("#microsoft.graph.security.ediscoveryExportOperation")).toBe("caseOperation");
    expect(kindOfODataType("#microsoft.graph.playPromptOperation")).toBe("commsOperation");
    expect(kindOfODataType("#microsoft.graph.partners.billing.failedOperation")).toBe(
      "richLongRunningOperation",
    );
  });

  it("falls back to the shape for types that are no documented monitor", () => {
    expect(kindOfODataType("#microsoft.graph.user")).toBeUndefined();
    const payload = {
      "@odata.type": "#microsoft.graph.somethingNew",
      id: "a1",
      status: "running",
      percentageComplete: 5,
    };
    expect(detectOperationKind(payload)).toBe("richLongRunningOperation");
  });

  it("reads the entity set of @odata.context", () => {
    const context = (path: string) => ({
      "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#${path}`,
      id: "1",
      status: "running",
    });
    expect(detectOperationKind(context("users('x')/onenote/operations/$entity"))).toBe("onenoteOperation");
    expect(detectOperationKind(context("employeeExperience/engagementAsyncOperations/$entity"))).toBe(
      "engagementAsyncOperation",
    );
    expect(detectOperationKind(context("print/operations/$entity"))).toBe("printerCreateOperation");
    expect(detectOperationKind(context("teams('x')/operations/$entity"))).toBe("teamsAsyncOperation");
    expect(detectOperationKind(context("dataPolicyOperations/$entity"))).toBe("dataPolicyOperation");
  });

  it.each([
    ["printerCreateOperation", { id: "1", status: { state: "running" } }],
    ["teamsAsyncOperation", { id: "1", status: "inProgress", attemptsCount: 1 }],
    ["teamsAsyncOperation", { id: "1", status: "inProgress", operationType: "cloneTeam" }],
    ["attackSimulationOperation", { id: "1", status: "running", percentageCompleted: 5 }],
    ["dataPolicyOperation", { id: "1", status: "running", storageLocation: "https://x" }],
    ["dataPolicyOperation", { id: "1", status: "complete" }],
    ["onenoteOperation", { id: "1", status: "Running", percentComplete: "5" }],
    ["onenoteOperation", { id: "1", status: "Completed", resourceLocation: "https://x" }],
    ["asyncJobStatus", { status: "inProgress", percentageComplete: 5 }],
    ["asyncJobStatus", { id: "", status: "completed", resourceId: "x" }],
    ["asyncJobStatus", { id: "1", status: "failed", statusDescription: "copy failed" }],
    ["richLongRunningOperation", { id: null, status: "running", type: "contentTypeCopy" }],
    [
      "longRunningOperation",
      { status: "running", createdDateTime: "2018-09-06T15:58:41Z", statusDetail: "" },
    ],
    ["engagementAsyncOperation", { id: "1", status: "running", operationType: "createCommunity" }],
    ["richLongRunningOperation", { id: "1", status: "running", percentageComplete: 5 }],
    [
      "richLongRunningOperation",
      { id: "1", status: "failed", createdDateTime: "2022-01-24T16:28:23Z", error: {} },
    ],
    ["workbookOperation", { id: "1", status: "running", resourceLocation: null }],
    ["operation", { id: "1", status: "running", createdDateTime: "2018-09-06T15:58:41Z" }],
    [
      "longRunningOperation",
      { id: "1", status: "running", createdDateTime: "2018-09-06T15:58:41Z", statusDetail: "" },
    ],
  ])("reads the shape of a %s: %j", (kind, payload) => {
    expect(detectOperationKind(payload)).toBe(kind);
  });

  it("detects nothing in what is not a JSON object", () => {
    for (const value of [null, undefined, "running", 42, [], [{ status: "running" }]]) {
      expect(detectOperationKind(value)).toBeUndefined();
    }
  });
});
