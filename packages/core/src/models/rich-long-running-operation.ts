import type { z } from "zod";
import { optionalPercentage, optionalString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { errorProperty, percentageProperty, statusProperty, stringProperty } from "./flavour-properties.js";
import { longRunningOperationSchema } from "./long-running-operation.js";
import { publicErrorSchema } from "./public-error.js";

/** Graph's `richLongRunningOperation`: a `longRunningOperation` with error, percentage, resource id and type. */
export const richLongRunningOperationSchema = longRunningOperationSchema.extend({
  error: publicErrorSchema.nullish(),
  percentageComplete: optionalPercentage,
  resourceId: optionalString,
  type: optionalString,
});
export type RichLongRunningOperation = z.infer<typeof richLongRunningOperationSchema>;

export const richLongRunningOperationFlavour = defineFlavour({
  kind: "richLongRunningOperation",
  schema: richLongRunningOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    lastActionDateTime: stringProperty("lastActionDateTime"),
    resourceLocation: stringProperty("resourceLocation"),
    status: statusProperty("richLongRunningOperation"),
    statusDetail: stringProperty("statusDetail"),
    error: errorProperty,
    percentageComplete: percentageProperty("number"),
    resourceId: stringProperty("resourceId"),
    type: stringProperty("type"),
  },
});
