import type { OperationKind } from "./operation-kind.js";

type Payload = Readonly<Record<string, unknown>>;

/** One rule of detection by shape: the first rule whose test holds names the flavour. */
export interface ShapeRule {
  readonly kind: OperationKind;
  /** What the rule looks for, as the README says it. */
  readonly when: string;
  readonly test: (payload: Payload) => boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const has =
  (...keys: string[]) =>
  (payload: Payload) =>
    keys.some((key) => Object.hasOwn(payload, key));

const statusIs =
  (...words: string[]) =>
  (payload: Payload) => {
    const status = payload["status"];
    return typeof status === "string" && words.includes(status.trim().toLowerCase());
  };

const both =
  (...tests: ((payload: Payload) => boolean)[]) =>
  (payload: Payload) =>
    tests.every((test) => test(payload));

const absent = (value: unknown) => value === undefined || value === null || value === "";

/** Properties every entity-like monitor carries beside its status (an asyncJobStatus has none of them). */
const entityProperty = has(
  "createdDateTime",
  "lastActionDateTime",
  "statusDetail",
  "resourceLocation",
  "type",
);

/** Only an id, a status and an error (and OData annotations): the connection operations' whole shape. */
function statusAndErrorOnly(payload: Payload): boolean {
  return Object.keys(payload).every(
    (key) => key === "id" || key === "status" || key === "error" || key.startsWith("@"),
  );
}

/** The rules, most distinctive first (the README lists them in this order). */
export const shapeRules: readonly ShapeRule[] = [
  { kind: "printerCreateOperation", when: "a status object", test: (payload) => isRecord(payload["status"]) },
  {
    kind: "placeOperation",
    when: "`progress` as an object, or `details`",
    test: (payload) => isRecord(payload["progress"]) || has("details")(payload),
  },
  { kind: "caseOperation", when: "`percentProgress` or `action`", test: has("percentProgress", "action") },
  {
    kind: "commsOperation",
    when: "`clientContext` or `resultInfo`",
    test: has("clientContext", "resultInfo"),
  },
  {
    kind: "configurationSnapshotJob",
    when: "`errorDetails`, `resources`, `displayName` or `description`, or the status `partiallySuccessful`",
    test: (payload) =>
      has("errorDetails", "resources", "displayName", "description")(payload) ||
      statusIs("partiallysuccessful")(payload),
  },
  {
    kind: "teamworkDeviceOperation",
    when: "`startedDateTime`, `lastActionBy`, `createdBy` with `operationType`, or the status `Queued`, `Successful` or `Cancelled`",
    test: (payload) =>
      has("startedDateTime", "lastActionBy")(payload) ||
      both(has("createdBy"), has("operationType"))(payload) ||
      statusIs("queued", "successful", "cancelled")(payload),
  },
  {
    kind: "delegatedAdminRelationshipOperation",
    when: "`data` or `lastModifiedDateTime`",
    test: has("data", "lastModifiedDateTime"),
  },
  {
    kind: "longRunningOperation",
    when: "a derived type's own property: `explorerViewId`, `goalsOrganizationId`, `content`, `expirationDateTime` (goalsExportJob), `validatedFiles`, `errors`, `warnings` (industryData), `numbers` (telephone numbers)",
    test: has(
      "explorerViewId",
      "goalsOrganizationId",
      "content",
      "expirationDateTime",
      "validatedFiles",
      "errors",
      "warnings",
      "numbers",
    ),
  },
  {
    kind: "teamsAsyncOperation",
    when: "`targetResourceId`, `targetResourceLocation` or `attemptsCount`",
    test: has("targetResourceId", "targetResourceLocation", "attemptsCount"),
  },
  {
    kind: "attackSimulationOperation",
    when: "`percentageCompleted` or `tenantId`",
    test: has("percentageCompleted", "tenantId"),
  },
  {
    kind: "dataPolicyOperation",
    when: "`progress`, `storageLocation`, `submittedDateTime` or `userId`",
    test: has("progress", "storageLocation", "submittedDateTime", "userId"),
  },
  { kind: "onenoteOperation", when: "`percentComplete`", test: has("percentComplete") },
  {
    kind: "asyncJobStatus",
    when: "`statusDescription` or `operation`, or no id and none of `createdDateTime`, `lastActionDateTime`, `statusDetail`, `resourceLocation`, `type`",
    test: (payload) =>
      has("statusDescription", "operation")(payload) || (absent(payload["id"]) && !entityProperty(payload)),
  },
  {
    kind: "approvalOperation",
    when: "the status `scheduled` or `timeout`, or `inProgress` with `resourceLocation`",
    test: (payload) =>
      statusIs("scheduled", "timeout")(payload) ||
      both(statusIs("inprogress"), has("resourceLocation"))(payload),
  },
  {
    kind: "connectionOperation",
    when: "the status `unspecified`, or `inprogress` or `completed` with nothing but an id and an error",
    test: (payload) =>
      statusIs("unspecified")(payload) ||
      both(statusIs("inprogress", "completed"), statusAndErrorOnly)(payload),
  },
  {
    kind: "teamsAsyncOperation",
    when: "the status `inProgress` or `invalid`",
    test: statusIs("inprogress", "invalid"),
  },
  { kind: "engagementAsyncOperation", when: "`operationType`", test: has("operationType") },
  { kind: "dataPolicyOperation", when: "the status `complete`", test: statusIs("complete") },
  {
    kind: "onenoteOperation",
    when: "the status `completed` with `resourceId`, `resourceLocation` or `error`",
    test: both(statusIs("completed"), has("resourceId", "resourceLocation", "error")),
  },
  {
    kind: "richLongRunningOperation",
    when: "`percentageComplete`, `resourceId` or `type`",
    test: has("percentageComplete", "resourceId", "type"),
  },
  {
    kind: "workbookOperation",
    when: "no dates and no `statusDetail`",
    test: (payload) => !has("createdDateTime", "lastActionDateTime", "statusDetail")(payload),
  },
  {
    kind: "operation",
    when: "no `resourceLocation`, `statusDetail` or `error`, and a status the older vocabulary may hold (not `succeeded`, `partiallySucceeded`, `submissionFailed` or `unknownFutureValue`)",
    test: (payload) =>
      !has("resourceLocation", "statusDetail", "error")(payload) &&
      !statusIs("succeeded", "partiallysucceeded", "submissionfailed", "unknownfuturevalue")(payload),
  },
  { kind: "richLongRunningOperation", when: "an `error`", test: has("error") },
  { kind: "longRunningOperation", when: "anything else", test: () => true },
];

/** The flavour told by the payload's distinctive properties (and, where they agree, its status word). */
export function kindOfShape(payload: Payload): OperationKind {
  return shapeRules.find((rule) => rule.test(payload))?.kind ?? "longRunningOperation";
}
