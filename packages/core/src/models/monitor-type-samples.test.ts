import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { OperationKind } from "./operation-kind.js";
import type { Operation, OperationError } from "./operation.js";
import type { OperationStatus } from "./operation-status.js";
import { isPartlySucceeded, isTerminal } from "./operation-predicates.js";
import { parseOperation } from "./parse-operation.js";
import { toGraphJson } from "./to-graph-json.js";

const folder = new URL("../test-fixtures/monitor-types/", import.meta.url);

/** The answers of one monitor, in order (written from the shapes graph-monitor-types.md documents). */
function answersOf(name: string): Record<string, unknown>[] {
  return JSON.parse(readFileSync(new URL(`${name}.json`, folder), "utf8")) as Record<string, unknown>[];
}

interface Expected {
  kind: OperationKind;
  statuses: OperationStatus[];
  percents?: (number | undefined)[];
  /** Each answer alone (without the earlier ones' kind) reads as `kind`. */
  alone: boolean;
  error?: OperationError;
  partly?: boolean;
  /** Paths of the properties that cannot be read, in every answer. */
  warnings?: string[];
}

const expectations: Record<string, Expected> = {
  longRunningOperation: { kind: "longRunningOperation", statuses: ["running", "succeeded"], alone: true },
  richLongRunningOperation: {
    kind: "richLongRunningOperation",
    statuses: ["running", "succeeded"],
    percents: [10, 100],
    alone: true,
  },
  attackSimulationOperation: {
    kind: "attackSimulationOperation",
    statuses: ["running", "succeeded"],
    percents: [45, 100],
    alone: true,
  },
  engagementAsyncOperation: {
    kind: "engagementAsyncOperation",
    statuses: ["running", "succeeded"],
    alone: true,
  },
  goalsExportJob: { kind: "longRunningOperation", statuses: ["running", "succeeded"], alone: true },
  "industryData.validateOperation": {
    kind: "longRunningOperation",
    statuses: ["running", "failed"],
    alone: true,
  },
  "industryData.fileValidateOperation": {
    kind: "longRunningOperation",
    statuses: ["notStarted", "succeeded"],
    alone: true,
  },
  // Its createdDateTime is a String, in a form that is not ISO 8601: read past, with a warning.
  "teamsAdministration.telephoneNumberLongRunningOperation": {
    kind: "longRunningOperation",
    statuses: ["running", "succeeded"],
    alone: true,
    warnings: ["$.createdDateTime"],
  },
  delegatedAdminRelationshipOperation: {
    kind: "delegatedAdminRelationshipOperation",
    statuses: ["notStarted", "succeeded"],
    alone: true,
  },
  "partners.billing.operation": {
    kind: "richLongRunningOperation",
    statuses: ["running", "succeeded"],
    alone: true,
  },
  "partners.billing.failedOperation": {
    kind: "richLongRunningOperation",
    statuses: ["running", "failed"],
    alone: true,
    error: { code: "exportFailed", message: "The billing period is not closed yet." },
  },
  "tenantGovernanceServices.longRunningOperation": {
    kind: "longRunningOperation",
    statuses: ["notStarted", "succeeded"],
    alone: true,
  },
  operation: { kind: "operation", statuses: ["running", "succeeded"], alone: true },
  onenoteOperation: {
    kind: "onenoteOperation",
    statuses: ["running", "succeeded"],
    percents: [40, 100],
    alone: true,
  },
  commsOperation: { kind: "commsOperation", statuses: ["running", "succeeded"], alone: true },
  muteParticipantOperation: {
    kind: "commsOperation",
    statuses: ["running", "failed"],
    alone: true,
    error: { code: "400", message: "Action failed, the participant is already muted." },
  },
  teamsAsyncOperation: {
    kind: "teamsAsyncOperation",
    statuses: ["running", "failed"],
    alone: true,
    error: { code: "TeamUnavailable", message: "The team was not found." },
  },
  printOperation: { kind: "printerCreateOperation", statuses: ["running", "succeeded"], alone: true },
  dataPolicyOperation: {
    kind: "dataPolicyOperation",
    statuses: ["running", "succeeded"],
    percents: [35, 100],
    alone: true,
  },
  workbookOperation: {
    kind: "workbookOperation",
    statuses: ["running", "failed"],
    alone: true,
    error: {
      code: "internalServerError",
      message: "Failed",
      innerError: { code: "sessionCreationFailed", message: "No session" },
    },
  },
  asyncJobStatus: {
    kind: "asyncJobStatus",
    statuses: ["running", "succeeded"],
    percents: [27.8, 100],
    alone: true,
  },
  "security.caseOperation": {
    kind: "caseOperation",
    statuses: ["running", "succeeded"],
    percents: [35, 100],
    alone: true,
    partly: true,
    error: { code: "500", message: "2 of 40 locations could not be searched" },
  },
  "security.ediscoveryExportOperation": {
    kind: "caseOperation",
    statuses: ["notStarted", "failed"],
    percents: [0, 0],
    alone: true,
    error: { code: "400", message: "The review set is empty." },
  },
  "ediscovery.caseOperation": {
    kind: "caseOperation",
    statuses: ["running", "succeeded"],
    percents: [60, 100],
    alone: true,
  },
  "externalConnectors.connectionOperation": {
    kind: "connectionOperation",
    statuses: ["notStarted", "running", "succeeded"],
    alone: true,
  },
  // Its final answer has the shape of a workbook operation: only the earlier answers tell it.
  connectionOperation: {
    kind: "connectionOperation",
    statuses: ["running", "failed"],
    alone: false,
    error: { code: "schemaConflict", message: "Property title is already defined." },
  },
  teamworkDeviceOperation: {
    kind: "teamworkDeviceOperation",
    statuses: ["notStarted", "running", "failed"],
    alone: true,
    error: { code: "cancelledByUser", message: "Restart cancelled" },
  },
  approvalOperation: {
    kind: "approvalOperation",
    statuses: ["notStarted", "running", "failed"],
    alone: true,
    error: { code: "timeout", message: "The approval was not provisioned in time." },
  },
  mailFolderOperation: { kind: "mailFolderOperation", statuses: ["running", "succeeded"], alone: true },
  placeOperation: {
    kind: "placeOperation",
    statuses: ["notStarted", "running", "succeeded"],
    percents: [0, 35, 100],
    alone: true,
    partly: true,
  },
  "placeOperation.expired": {
    kind: "placeOperation",
    statuses: ["running", "failed"],
    percents: [50, 50],
    alone: true,
  },
  configurationSnapshotJob: {
    kind: "configurationSnapshotJob",
    statuses: ["running", "succeeded"],
    alone: true,
    partly: true,
    error: { code: "", message: "namedLocation: access denied" },
  },
};

/** The answers read as a poller reads them: each with the kind of the one before as its hint. */
function readInOrder(answers: Record<string, unknown>[]): Operation[] {
  const read: Operation[] = [];
  for (const answer of answers) read.push(parseOperation(answer, { kindHint: read.at(-1)?.kind }));
  return read;
}

describe.each(Object.entries(expectations))("the %s monitor", (name, expected) => {
  const answers = answersOf(name);

  it(`reads every answer as ${expected.kind}, with its status and progress`, () => {
    const read = readInOrder(answers);
    expect(read.map((operation) => operation.kind)).toStrictEqual(answers.map(() => expected.kind));
    expect(read.map((operation) => operation.status)).toStrictEqual(expected.statuses);
    if (expected.percents)
      expect(read.map((operation) => operation.percentComplete)).toStrictEqual(expected.percents);
    for (const operation of read)
      expect((operation.warnings ?? []).map((warning) => warning.pathText)).toStrictEqual(
        expected.warnings ?? [],
      );
  });

  it("ends on its last answer only, with the error it reports", () => {
    const read = readInOrder(answers);
    expect(read.map(isTerminal)).toStrictEqual(answers.map((_answer, index) => index === answers.length - 1));
    const last = read.at(-1)!;
    expect(last.error).toStrictEqual(expected.error);
    expect(isPartlySucceeded(last)).toBe(expected.partly ?? false);
  });

  it("writes each answer back as it was received (naming its type where its shape alone would not)", () => {
    for (const operation of readInOrder(answers)) {
      const json = toGraphJson(operation);
      const { "@odata.type": named, ...rest } = json;
      if (named === undefined || Object.hasOwn(operation.raw, "@odata.type"))
        expect(json).toStrictEqual(operation.raw);
      else {
        expect(expected.alone).toBe(false);
        expect(rest).toStrictEqual(operation.raw);
        expect(parseOperation(json).kind).toBe(expected.kind);
      }
      const { raw: _rereadRaw, ...reread } = parseOperation(json, { kindHint: operation.kind });
      const { raw: _raw, ...fields } = operation;
      expect(reread).toStrictEqual(fields);
    }
  });

  it.runIf(expected.alone)("reads each answer alone as the same flavour", () => {
    for (const answer of answers) expect(parseOperation(answer).kind).toBe(expected.kind);
  });
});

describe("flavours written back in their own words", () => {
  it("writes a commsOperation's success as completed, not succeeded", () => {
    const [running] = readInOrder(answersOf("muteParticipantOperation"));
    const json = toGraphJson({ ...running!, status: "succeeded" });
    expect(json["status"]).toBe("completed");
    expect(parseOperation(json).kind).toBe("commsOperation");
  });

  it.each([
    ["teamworkDeviceOperation", "succeeded", "Successful"],
    ["placeOperation", "failed", "failed"],
    ["approvalOperation", "notStarted", "scheduled"],
    ["configurationSnapshotJob", "running", "running"],
    ["externalConnectors.connectionOperation", "running", "inprogress"],
  ] as const)("writes a %s that is %s as %s", (name, status, word) => {
    const [first] = readInOrder(answersOf(name));
    const changed = { ...first!, status };
    expect(toGraphJson(changed)["status"]).toBe(word);
  });

  it("writes a commsOperation's error into resultInfo, numbers as numbers", () => {
    const [running] = readInOrder(answersOf("muteParticipantOperation"));
    const json = toGraphJson({ ...running!, status: "failed", error: { code: "404", message: "gone" } });
    expect(json["resultInfo"]).toStrictEqual({ code: 404, message: "gone" });
  });

  it("writes a changed place percentage as counts where the total allows it", () => {
    const [, running] = readInOrder(answersOf("placeOperation"));
    const json = toGraphJson({ ...running!, percentComplete: 50 });
    expect(json["progress"]).toStrictEqual({
      totalPlaceCount: 40,
      succeededPlaceCount: 18,
      failedPlaceCount: 2,
    });
  });
});
