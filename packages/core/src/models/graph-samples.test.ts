import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOperation, safeParseOperation } from "./parse-operation.js";
import { normaliseError, normaliseTeamsError } from "./normalise-error.js";
import { publicErrorSchema, teamsOperationErrorSchema } from "./public-error.js";
import { toGraphJson } from "./to-graph-json.js";

const samples = new URL("../test-fixtures/graph-samples/", import.meta.url);

function sample(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, samples), "utf8"));
}

describe("the documented Graph samples", () => {
  it.each([
    ["asyncJobStatus.completed.json", "asyncJobStatus", "succeeded", "completed"],
    ["asyncJobStatus.inProgress.json", "asyncJobStatus", "running", "inProgress"],
    ["attackSimulationOperation.notStarted.json", "attackSimulationOperation", "notStarted", "notStarted"],
    ["longRunningOperation.running.json", "longRunningOperation", "running", "running"],
    ["operation.completed.json", "operation", "succeeded", "completed"],
    ["richLongRunningOperation.succeeded.json", "richLongRunningOperation", "succeeded", "succeeded"],
    ["teamsAsyncOperation.succeeded.json", "teamsAsyncOperation", "succeeded", "succeeded"],
  ])("%s is a %s that is %s", (file, kind, status, rawStatus) => {
    const operation = parseOperation(sample(file));
    expect(operation.kind).toBe(kind);
    expect(operation.status).toBe(status);
    expect(operation.rawStatus).toBe(rawStatus);
    expect(operation.raw).toEqual(sample(file));
    expect(toGraphJson(operation)).toStrictEqual(sample(file));
    expect(parseOperation(toGraphJson(operation))).toStrictEqual(operation);
  });

  it("reads the driveItem copy monitor's fields", () => {
    expect(parseOperation(sample("asyncJobStatus.inProgress.json"))).toStrictEqual({
      kind: "asyncJobStatus",
      status: "running",
      rawStatus: "inProgress",
      percentComplete: 27.8,
      type: "ItemCopy",
      raw: { operation: "ItemCopy", percentageComplete: 27.8, status: "inProgress" },
    });
  });

  it("reads a long-running operation, empty strings as absent and dates at full precision", () => {
    const operation = parseOperation(sample("longRunningOperation.running.json"));
    expect(operation).toMatchObject({
      id: "refresh:DirectoryRole_19356be4-7e93-4ed6-a7c6-0ae28454d125_StaleSignInAlert",
      createdDateTime: "2023-06-09T22:50:41.5414467Z",
      lastActionDateTime: "2023-06-09T22:52:09.0296021Z",
    });
    expect(operation).not.toHaveProperty("resourceLocation");
    expect(operation).not.toHaveProperty("statusDetail");
  });

  it("maps the Teams target resource and the attack simulation's percentageCompleted", () => {
    expect(parseOperation(sample("teamsAsyncOperation.succeeded.json"))).toMatchObject({
      resourceId: "fa4aa5a2-a75b-4769-86f4-9e2742a18fda",
      resourceLocation: "/groups('fa4aa5a2-a75b-4769-86f4-9e2742a18fda')/team",
      operationType: "archiveTeam",
    });
    expect(parseOperation(sample("attackSimulationOperation.notStarted.json"))).toMatchObject({
      percentComplete: 0,
      statusDetail: "Creating new simulation",
      type: "createSimulation",
    });
  });

  it("rejects the bare error payloads, which are not operations", () => {
    expect(safeParseOperation(sample("operationError.json")).success).toBe(false);
    expect(safeParseOperation(sample("error-envelope.json")).success).toBe(false);
  });

  it("reads Graph's operationError and the error envelope's error with the error schemas", () => {
    const operationError = teamsOperationErrorSchema.parse(sample("operationError.json"));
    expect(normaliseTeamsError(operationError)).toStrictEqual({
      code: "TeamUnavailable",
      message: "The team was not found.",
    });
    const envelope = sample("error-envelope.json") as { error: unknown };
    expect(normaliseError(publicErrorSchema.parse(envelope.error))).toStrictEqual({
      code: "invalidRange",
      message: "Uploaded fragment overlaps with existing data.",
      innerError: { requestId: "request-id", date: "date-time" },
    });
  });
});
