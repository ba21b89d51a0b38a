import { describe, expect, it } from "vitest";
import { parseOperation } from "./parse-operation.js";
import { toGraphJson } from "./to-graph-json.js";

describe("toGraphJson", () => {
  it("gives back the payload as received while nothing changed, representation included", () => {
    const payload = {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#sites('x')/operations/$entity",
      id: "contentTypeCopy,0x0101",
      status: "Running",
      percentageComplete: "40",
      resourceLocation: "",
      statusDetail: null,
      type: "contentTypeCopy",
      error: null,
      futureProperty: [1, { a: true }],
    };
    expect(toGraphJson(parseOperation(payload))).toStrictEqual(payload);
  });

  it("writes a changed status in the flavour's own vocabulary", () => {
    const copy = parseOperation({ operation: "ItemCopy", status: "inProgress", percentageComplete: 60 });
    expect(toGraphJson({ ...copy, status: "succeeded", percentComplete: 100 })).toStrictEqual({
      operation: "ItemCopy",
      status: "completed",
      percentageComplete: 100,
    });
    const dataPolicy = parseOperation({ id: "1", status: "running", userId: "u" });
    expect(toGraphJson({ ...dataPolicy, status: "succeeded" })["status"]).toBe("complete");
    const team = parseOperation({ id: "1", status: "notStarted", attemptsCount: 0 });
    expect(toGraphJson({ ...team, status: "running" })["status"]).toBe("inProgress");
  });

  it("keeps a status word the flavour does not know while it still holds", () => {
    const operation = parseOperation({ id: "1", status: "Canceling", type: "t" });
    expect(toGraphJson(operation)["status"]).toBe("Canceling");
    expect(toGraphJson({ ...operation, status: "failed" })["status"]).toBe("failed");
  });

  it("writes values under the flavour's own names and types", () => {
    const onenote = parseOperation({ id: "1", status: "Running", percentComplete: "10" });
    expect(toGraphJson({ ...onenote, percentComplete: 55.5 })["percentComplete"]).toBe("55.5");

    const teams = parseOperation({ id: "1", status: "inProgress", attemptsCount: 1 });
    expect(
      toGraphJson({ ...teams, resourceId: "team-1", resourceLocation: "/teams('team-1')" }),
    ).toMatchObject({
      targetResourceId: "team-1",
      targetResourceLocation: "/teams('team-1')",
    });

    const exportOperation = parseOperation({ id: "1", status: "running", userId: "u", progress: "5" });
    expect(
      toGraphJson({ ...exportOperation, resourceLocation: "https://store/x", percentComplete: 80 }),
    ).toMatchObject({
      storageLocation: "https://store/x",
      progress: 80,
    });
  });

  it("writes the printer's status object over the properties it had", () => {
    const printer = parseOperation({
      "@odata.type": "#microsoft.graph.printerCreateOperation",
      id: "1",
      status: { state: "running", description: "Registering", extra: 1 },
    });
    expect(toGraphJson({ ...printer, status: "succeeded", statusDetail: "Done" })["status"]).toStrictEqual({
      state: "succeeded",
      description: "Done",
      extra: 1,
    });
  });

  it("removes what the operation no longer has and writes errors over their unknown properties", () => {
    const operation = parseOperation({
      id: "1",
      status: "failed",
      type: "t",
      resourceId: "r",
      error: { code: "a", message: "b", "@odata.type": "#microsoft.graph.publicError" },
    });
    const { resourceId: _resourceId, ...withoutResource } = operation;
    const json = toGraphJson({ ...withoutResource, error: { code: "c", message: "d", target: "e" } });
    expect(json).not.toHaveProperty("resourceId");
    expect(json["error"]).toStrictEqual({
      code: "c",
      message: "d",
      target: "e",
      "@odata.type": "#microsoft.graph.publicError",
    });
  });

  it("names the flavour in @odata.type when the shape alone would be read as another", () => {
    const forced = parseOperation(
      { id: "1", status: "running", statusDetail: "" },
      { kind: "workbookOperation" },
    );
    const json = toGraphJson(forced);
    expect(json["@odata.type"]).toBe("#microsoft.graph.workbookOperation");
    const { raw: _raw, ...fields } = forced;
    const { raw, ...rereadFields } = parseOperation(json);
    expect(rereadFields).toStrictEqual(fields);
    expect(raw).toStrictEqual({ ...forced.raw, "@odata.type": "#microsoft.graph.workbookOperation" });
  });
});
