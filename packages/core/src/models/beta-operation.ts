import { z } from "zod";
import { optionalDateTime, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty } from "./flavour-properties.js";

/** The older beta `operation` (status: `operationStatus`; no error, no percentage). */
export const betaOperationSchema = z.looseObject({
  id: optionalString,
  createdDateTime: optionalDateTime,
  lastActionDateTime: optionalDateTime,
  status: statusString,
});
export type BetaOperation = z.infer<typeof betaOperationSchema>;

export const betaOperationFlavour = defineFlavour({
  kind: "operation",
  schema: betaOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    lastActionDateTime: stringProperty("lastActionDateTime"),
    status: statusProperty("operation"),
  },
});
