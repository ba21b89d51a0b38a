import { z } from "zod";
import { optionalDateTime, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import type { FlavourProperty } from "./flavour.js";
import { statusWord, stringProperty } from "./flavour-properties.js";
import { normaliseStatus } from "./normalise-status.js";
import { withoutUndefined } from "./without-undefined.js";

/** Graph's `printOperationStatus`: the status of a print operation is an object. */
export const printOperationStatusSchema = z.looseObject(
  { state: statusString, description: optionalString },
  { error: "expected an object {state, description}" },
);
export type PrintOperationStatus = z.infer<typeof printOperationStatusSchema>;

/** Graph's `printerCreateOperation` (a `printOperation`). */
export const printerCreateOperationSchema = z.looseObject({
  id: optionalString,
  createdDateTime: optionalDateTime,
  status: printOperationStatusSchema,
  certificate: optionalString,
});
export type PrinterCreateOperation = z.infer<typeof printerCreateOperationSchema>;

const printStatusProperty: FlavourProperty<PrintOperationStatus> = {
  feeds: ["status", "rawStatus", "statusDetail"],
  read: (value) => ({
    status: normaliseStatus(value.state, "printerCreateOperation"),
    rawStatus: value.state,
    statusDetail: value.description,
  }),
  write: (operation, received) => {
    const {
      state: _state,
      description: _description,
      ...kept
    } = typeof received === "object" && received !== null && !Array.isArray(received)
      ? (received as Record<string, unknown>)
      : {};
    return withoutUndefined({ ...kept, state: statusWord(operation), description: operation.statusDetail });
  },
};

export const printerCreateOperationFlavour = defineFlavour({
  kind: "printerCreateOperation",
  schema: printerCreateOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    status: printStatusProperty,
  },
});
