import { z } from "zod";
import { optionalDateTime, optionalNumber, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty, teamsErrorProperty } from "./flavour-properties.js";
import { teamsOperationErrorSchema } from "./public-error.js";

/** Graph's `teamsAsyncOperation` (status: `teamsAsyncOperationStatus`; an open type). */
export const teamsAsyncOperationSchema = z.looseObject({
  id: optionalString,
  attemptsCount: optionalNumber,
  createdDateTime: optionalDateTime,
  error: teamsOperationErrorSchema.nullish(),
  lastActionDateTime: optionalDateTime,
  operationType: optionalString,
  status: statusString,
  targetResourceId: optionalString,
  targetResourceLocation: optionalString,
});
export type TeamsAsyncOperation = z.infer<typeof teamsAsyncOperationSchema>;

export const teamsAsyncOperationFlavour = defineFlavour({
  kind: "teamsAsyncOperation",
  schema: teamsAsyncOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    error: teamsErrorProperty,
    lastActionDateTime: stringProperty("lastActionDateTime"),
    operationType: stringProperty("operationType"),
    status: statusProperty("teamsAsyncOperation"),
    targetResourceId: stringProperty("resourceId"),
    targetResourceLocation: stringProperty("resourceLocation"),
  },
});
