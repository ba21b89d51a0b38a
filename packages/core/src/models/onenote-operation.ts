import type { z } from "zod";
import { optionalPercentage, optionalString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { errorProperty, percentageProperty, statusProperty, stringProperty } from "./flavour-properties.js";
import { betaOperationSchema } from "./beta-operation.js";
import { publicErrorSchema } from "./public-error.js";

/** Graph's `onenoteOperation`: an `operation` whose `percentComplete` is a string. */
export const onenoteOperationSchema = betaOperationSchema.extend({
  error: publicErrorSchema.nullish(),
  percentComplete: optionalPercentage,
  resourceId: optionalString,
  resourceLocation: optionalString,
});
export type OnenoteOperation = z.infer<typeof onenoteOperationSchema>;

export const onenoteOperationFlavour = defineFlavour({
  kind: "onenoteOperation",
  schema: onenoteOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    lastActionDateTime: stringProperty("lastActionDateTime"),
    status: statusProperty("onenoteOperation"),
    error: errorProperty,
    percentComplete: percentageProperty("string"),
    resourceId: stringProperty("resourceId"),
    resourceLocation: stringProperty("resourceLocation"),
  },
});
