import { z } from "zod";
import { optionalDateTime, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty } from "./flavour-properties.js";

/** Graph's `longRunningOperation` (status: `longRunningOperationStatus`). */
export const longRunningOperationSchema = z.looseObject({
  id: optionalString,
  createdDateTime: optionalDateTime,
  lastActionDateTime: optionalDateTime,
  resourceLocation: optionalString,
  status: statusString,
  statusDetail: optionalString,
});
export type LongRunningOperation = z.infer<typeof longRunningOperationSchema>;

export const longRunningOperationFlavour = defineFlavour({
  kind: "longRunningOperation",
  schema: longRunningOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    lastActionDateTime: stringProperty("lastActionDateTime"),
    resourceLocation: stringProperty("resourceLocation"),
    status: statusProperty("longRunningOperation"),
    statusDetail: stringProperty("statusDetail"),
  },
});
