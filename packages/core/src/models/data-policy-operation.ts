import { z } from "zod";
import { optionalDateTime, optionalPercentage, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { percentageProperty, statusProperty, stringProperty } from "./flavour-properties.js";

/** Graph's `dataPolicyOperation` (exportPersonalData; `progress` is a Double, documented as a String). */
export const dataPolicyOperationSchema = z.looseObject({
  id: optionalString,
  completedDateTime: optionalDateTime,
  progress: optionalPercentage,
  status: statusString,
  storageLocation: optionalString,
  submittedDateTime: optionalDateTime,
  userId: optionalString,
});
export type DataPolicyOperation = z.infer<typeof dataPolicyOperationSchema>;

export const dataPolicyOperationFlavour = defineFlavour({
  kind: "dataPolicyOperation",
  schema: dataPolicyOperationSchema,
  properties: {
    id: stringProperty("id"),
    completedDateTime: stringProperty("lastActionDateTime"),
    progress: percentageProperty("number"),
    status: statusProperty("dataPolicyOperation"),
    storageLocation: stringProperty("resourceLocation"),
    submittedDateTime: stringProperty("createdDateTime"),
  },
});
