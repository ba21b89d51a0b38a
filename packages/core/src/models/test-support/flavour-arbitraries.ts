import fc from "fast-check";
import type { OperationKind } from "../operation-kind.js";
import { odataTypeOfKind } from "../graph-monitor-types.js";
import { statusVocabularies, statusVocabularyOfKind } from "../status-vocabularies.js";

/** A word in random letter case: Graph's vocabularies are compared case-insensitively. */
export const anyCasing = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) =>
      [...word].map((letter, index) => (upper[index] ? letter.toUpperCase() : letter)).join(""),
    );

/** A status word no vocabulary knows (a value added after this package was written). */
export const newStatusWord = fc
  .stringMatching(/^[a-z][a-zA-Z]{2,14}$/)
  .filter(
    (word) =>
      !Object.values(statusVocabularies).some((vocabulary) =>
        Object.keys(vocabulary).some((known) => known.toLowerCase() === word.toLowerCase()),
      ),
  );

/** A status of the flavour's own vocabulary in any casing, or sometimes a new word. */
export function statusWordOf(kind: OperationKind) {
  const words = Object.keys(statusVocabularies[statusVocabularyOfKind[kind]]);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...words).chain(anyCasing) },
    { weight: 1, arbitrary: newStatusWord },
  );
}

/** A value, or null or "" (Graph's ways of saying absent; a record leaves the key out for the third). */
function optionalOf<Value>(value: fc.Arbitrary<Value>) {
  return fc.oneof({ weight: 4, arbitrary: value }, fc.constant(null), fc.constant(""));
}

const text = fc.string({ minLength: 1, maxLength: 30 });

export const isoDateTime = fc
  .record({
    date: fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T23:59:59Z"),
      noInvalidDate: true,
    }),
    fraction: fc.stringMatching(/^\d{0,7}$/),
  })
  .map(({ date, fraction }) => `${date.toISOString().slice(0, 19)}${fraction === "" ? "" : `.${fraction}`}Z`);

/** A percentage as Graph may send it: an integer, a double, or either as a string. */
export const percentage = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc
    .double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true })
    .filter((value) => !Object.is(value, -0)),
  fc.integer({ min: 0, max: 100 }).map(String),
  fc
    .double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true })
    .filter((value) => !Object.is(value, -0))
    .map(String),
);

const errorDetail = fc.record(
  { code: optionalOf(text), message: optionalOf(text), target: optionalOf(text) },
  { requiredKeys: [] },
);

function innerErrorOf(depth: number): fc.Arbitrary<unknown> {
  if (depth === 0) return fc.constant(null);
  return fc.record(
    {
      code: optionalOf(text),
      message: optionalOf(text),
      "request-id": fc.uuid(),
      date: isoDateTime,
      details: fc.array(errorDetail, { maxLength: 2 }),
      innerError: innerErrorOf(depth - 1),
    },
    { requiredKeys: [] },
  );
}
const innerError = innerErrorOf(3);

/** An error of the publicError shape (also the other flavours' smaller error types). */
export const publicError = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      code: optionalOf(text),
      message: optionalOf(text),
      target: optionalOf(text),
      details: fc.oneof(fc.constant(null), fc.array(errorDetail, { maxLength: 3 })),
      innerError: fc.oneof(fc.constant(null), innerError),
      "@odata.type": fc.constant("#microsoft.graph.publicError"),
    },
    { requiredKeys: [] },
  ),
);

/** A `resultInfo` ({code, subcode, message}): success codes below 400, error codes from 400. */
const resultInfo = fc.record(
  {
    code: fc.oneof(fc.constantFrom(200, 400, 403, 500), fc.integer({ min: 100, max: 699 })),
    subcode: fc.nat(9999),
    message: text,
  },
  { requiredKeys: ["code"] },
);

/** placeOperation's progress counts. */
const placeProgress = fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)).map(([succeeded, failed, pending]) => ({
  totalPlaceCount: succeeded + failed + pending,
  succeededPlaceCount: succeeded,
  failedPlaceCount: failed,
}));

const teamsError = fc.oneof(
  fc.constant(null),
  fc.record({ code: optionalOf(text), message: optionalOf(text) }, { requiredKeys: [] }),
);

/** Unknown extra properties (kept, never rejected), named so they never collide with a known one. */
const extraProperties = fc.dictionary(fc.stringMatching(/^x[A-Za-z]{1,10}$/), fc.jsonValue({ maxDepth: 2 }), {
  maxKeys: 3,
});

const longRunningProperties = {
  id: text,
  createdDateTime: optionalOf(isoDateTime),
  lastActionDateTime: optionalOf(isoDateTime),
  resourceLocation: optionalOf(text),
  statusDetail: optionalOf(text),
};

/** The properties each flavour may carry besides `status` (the required ones listed in `required`). */
const flavourProperties: Record<
  OperationKind,
  { properties: Record<string, fc.Arbitrary<unknown>>; required: string[] }
> = {
  longRunningOperation: { properties: longRunningProperties, required: ["id", "statusDetail"] },
  richLongRunningOperation: {
    properties: {
      ...longRunningProperties,
      error: publicError,
      percentageComplete: optionalOf(percentage),
      resourceId: optionalOf(text),
      type: text,
    },
    required: ["id", "type"],
  },
  attackSimulationOperation: {
    properties: {
      ...longRunningProperties,
      percentageCompleted: optionalOf(percentage),
      tenantId: fc.uuid(),
      type: optionalOf(text),
    },
    required: ["id", "tenantId"],
  },
  engagementAsyncOperation: {
    properties: { ...longRunningProperties, operationType: text, resourceId: optionalOf(text) },
    required: ["id", "operationType"],
  },
  operation: {
    properties: { id: text, createdDateTime: isoDateTime, lastActionDateTime: optionalOf(isoDateTime) },
    required: ["id", "createdDateTime"],
  },
  onenoteOperation: {
    properties: {
      id: text,
      createdDateTime: optionalOf(isoDateTime),
      lastActionDateTime: optionalOf(isoDateTime),
      error: publicError,
      percentComplete: percentage.map(String),
      resourceId: optionalOf(text),
      resourceLocation: optionalOf(text),
    },
    required: ["id", "percentComplete"],
  },
  teamsAsyncOperation: {
    properties: {
      id: text,
      attemptsCount: fc.oneof(fc.nat(10), fc.nat(10).map(String)),
      createdDateTime: optionalOf(isoDateTime),
      error: teamsError,
      lastActionDateTime: optionalOf(isoDateTime),
      operationType: optionalOf(fc.constantFrom("archiveTeam", "cloneTeam", "createTeam")),
      targetResourceId: optionalOf(fc.uuid()),
      targetResourceLocation: optionalOf(text),
    },
    required: ["id", "attemptsCount"],
  },
  asyncJobStatus: {
    properties: {
      operation: fc.constantFrom("ItemCopy", "itemCopy"),
      error: publicError,
      percentageComplete: optionalOf(percentage),
      resourceId: optionalOf(text),
      statusDescription: optionalOf(text),
    },
    required: ["operation"],
  },
  dataPolicyOperation: {
    properties: {
      id: text,
      completedDateTime: optionalOf(isoDateTime),
      progress: optionalOf(percentage),
      storageLocation: optionalOf(text),
      submittedDateTime: optionalOf(isoDateTime),
      userId: fc.uuid(),
    },
    required: ["id", "userId"],
  },
  printerCreateOperation: {
    properties: { id: text, createdDateTime: optionalOf(isoDateTime), certificate: optionalOf(text) },
    required: ["id"],
  },
  workbookOperation: {
    properties: { id: text, error: publicError, resourceLocation: optionalOf(text) },
    required: ["id"],
  },
  commsOperation: {
    properties: { id: text, clientContext: text, resultInfo: optionalOf(resultInfo) },
    required: ["id", "clientContext"],
  },
  caseOperation: {
    properties: {
      id: text,
      action: fc.constantFrom(
        "addToReviewSet",
        "estimateStatistics",
        "exportResult",
        "holdUpdate",
        "purgeData",
      ),
      completedDateTime: optionalOf(isoDateTime),
      createdBy: fc.constant({ user: { id: "u1", displayName: "Adele" } }),
      createdDateTime: optionalOf(isoDateTime),
      percentProgress: optionalOf(percentage),
      resultInfo: optionalOf(resultInfo),
    },
    required: ["id", "action"],
  },
  connectionOperation: {
    properties: { id: text, error: publicError },
    required: ["id"],
  },
  delegatedAdminRelationshipOperation: {
    properties: {
      id: text,
      createdDateTime: optionalOf(isoDateTime),
      data: text,
      lastModifiedDateTime: optionalOf(isoDateTime),
      operationType: optionalOf(fc.constant("delegatedAdminAccessAssignmentUpdate")),
    },
    required: ["id", "data"],
  },
  teamworkDeviceOperation: {
    properties: {
      id: text,
      completedDateTime: optionalOf(isoDateTime),
      createdBy: fc.constant({ user: { id: "u1" } }),
      createdDateTime: optionalOf(isoDateTime),
      error: teamsError,
      lastActionBy: fc.constant({ user: { id: "u2" } }),
      lastActionDateTime: optionalOf(isoDateTime),
      operationType: optionalOf(fc.constantFrom("deviceRestart", "configUpdate", "softwareUpdate")),
      startedDateTime: isoDateTime,
    },
    required: ["id", "startedDateTime"],
  },
  approvalOperation: {
    properties: {
      id: text,
      createdDateTime: optionalOf(isoDateTime),
      error: publicError,
      lastActionDateTime: optionalOf(isoDateTime),
      resourceLocation: optionalOf(text),
    },
    required: ["id"],
  },
  mailFolderOperation: {
    properties: { id: text, resourceLocation: optionalOf(text) },
    required: ["id"],
  },
  placeOperation: {
    properties: {
      id: text,
      details: fc.array(fc.record({ placeId: fc.uuid(), status: fc.constantFrom("succeeded", "failed") }), {
        maxLength: 3,
      }),
      progress: fc.oneof(fc.constant(null), placeProgress),
    },
    required: ["id", "details"],
  },
  configurationSnapshotJob: {
    properties: {
      id: text,
      completedDateTime: optionalOf(isoDateTime),
      createdDateTime: optionalOf(isoDateTime),
      description: optionalOf(text),
      displayName: text,
      errorDetails: fc.array(text, { maxLength: 3 }),
      resourceLocation: optionalOf(text),
      resources: fc.array(fc.constantFrom("conditionalAccessPolicy", "namedLocation"), { maxLength: 2 }),
      tenantId: fc.uuid(),
    },
    required: ["id", "displayName"],
  },
};

function printStatus() {
  return fc.record(
    {
      state: statusWordOf("printerCreateOperation"),
      description: optionalOf(text),
      xDetail: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ["state"] },
  );
}

/** Flavours whose shape is another's: only their `@odata.type` (or address) tells them. */
const toldOnlyByName: ReadonlySet<OperationKind> = new Set([
  "connectionOperation",
  "mailFolderOperation",
  "approvalOperation",
]);

/**
 * Payloads of one flavour as Graph may send them: casing, numeric types, absent and empty values vary,
 * unknown properties and new status values appear. Each carries a property distinctive of its flavour
 * or (sometimes) its `@odata.type`, so detection can tell it.
 */
export function flavourPayload(kind: OperationKind): fc.Arbitrary<Record<string, unknown>> {
  const { properties, required } = flavourProperties[kind];
  const named = toldOnlyByName.has(kind)
    ? fc.constant(odataTypeOfKind[kind])
    : fc.option(fc.constant(odataTypeOfKind[kind]), { nil: undefined });
  const status = kind === "printerCreateOperation" ? printStatus() : statusWordOf(kind);
  return fc
    .tuple(fc.record(properties, { requiredKeys: required }), status, extraProperties, named)
    .map(([known, statusValue, extra, odataType]) => {
      const payload: Record<string, unknown> = { ...extra, ...known, status: statusValue };
      if (odataType !== undefined) payload["@odata.type"] = odataType;
      return payload;
    });
}
