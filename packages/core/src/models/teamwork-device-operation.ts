import { z } from "zod";
import { optionalDateTime, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty, teamsErrorProperty } from "./flavour-properties.js";
import { teamsOperationErrorSchema } from "./public-error.js";

/** Graph's beta `teamworkDeviceOperation` (status a String: `Queued`, `InProgress`, `Successful`...). */
export const teamworkDeviceOperationSchema = z.looseObject({
  id: optionalString,
  completedDateTime: optionalDateTime,
  createdBy: z.looseObject({}).nullish(),
  createdDateTime: optionalDateTime,
  error: teamsOperationErrorSchema.nullish(),
  lastActionBy: z.looseObject({}).nullish(),
  lastActionDateTime: optionalDateTime,
  operationType: optionalString,
  startedDateTime: optionalDateTime,
  status: statusString,
});
export type TeamworkDeviceOperation = z.infer<typeof teamworkDeviceOperationSchema>;

export const teamworkDeviceOperationFlavour = defineFlavour({
  kind: "teamworkDeviceOperation",
  schema: teamworkDeviceOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    error: teamsErrorProperty,
    lastActionDateTime: stringProperty("lastActionDateTime"),
    operationType: stringProperty("operationType"),
    status: statusProperty("teamworkDeviceOperation"),
  },
});
