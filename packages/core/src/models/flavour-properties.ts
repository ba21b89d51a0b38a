import type { FlavourProperty, OperationFields } from "./flavour.js";
import { errorJson, normaliseError, normaliseTeamsError, teamsErrorJson } from "./normalise-error.js";
import { normaliseStatus, statusWordOf } from "./normalise-status.js";
import type { OperationKind } from "./operation-kind.js";
import type { Operation } from "./operation.js";
import type { PublicError, TeamsOperationError } from "./public-error.js";

type StringField =
  | "id"
  | "createdDateTime"
  | "lastActionDateTime"
  | "resourceLocation"
  | "resourceId"
  | "statusDetail"
  | "type"
  | "operationType";

/** A string property feeding the normalised string field `field`. */
export function stringProperty(field: StringField): FlavourProperty<string | undefined> {
  return {
    feeds: [field],
    field,
    read: (value) => ({ [field]: value }) as Partial<OperationFields>,
    write: (operation) => operation[field],
  };
}

/** The status word the flavour JSON carries for `operation`: the received word while it still holds. */
export function statusWord(operation: Operation): string {
  return normaliseStatus(operation.rawStatus, operation.kind) === operation.status
    ? operation.rawStatus
    : statusWordOf(operation.status, operation.kind);
}

/** The `status` string property of every flavour but the printer's. */
export function statusProperty(kind: OperationKind): FlavourProperty<string> {
  return {
    feeds: ["status", "rawStatus"],
    read: (value) => ({ status: normaliseStatus(value, kind), rawStatus: value }),
    write: (operation) => statusWord(operation),
  };
}

/** A percentage property, written back as a number or (onenote) as a string. */
export function percentageProperty(writtenAs: "number" | "string"): FlavourProperty<number | undefined> {
  return {
    feeds: ["percentComplete"],
    field: "percentComplete",
    read: (value) => ({ percentComplete: value }),
    write: ({ percentComplete }) =>
      percentComplete === undefined || writtenAs === "number" ? percentComplete : String(percentComplete),
  };
}

/** An error property of the `publicError` shape. */
export const errorProperty: FlavourProperty<PublicError | null | undefined> = {
  feeds: ["error"],
  read: (value) => ({ error: normaliseError(value) }),
  write: (operation, received) =>
    operation.error === undefined ? undefined : errorJson(operation.error, received),
};

/** The `operationError` property of a `teamsAsyncOperation`. */
export const teamsErrorProperty: FlavourProperty<TeamsOperationError | null | undefined> = {
  feeds: ["error"],
  read: (value) => ({ error: normaliseTeamsError(value) }),
  write: (operation, received) =>
    operation.error === undefined ? undefined : teamsErrorJson(operation.error, received),
};
