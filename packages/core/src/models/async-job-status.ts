import { z } from "zod";
import { optionalPercentage, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { errorProperty, percentageProperty, statusProperty, stringProperty } from "./flavour-properties.js";
import { publicErrorSchema } from "./public-error.js";

/**
 * Graph's `asyncJobStatus`: the driveItem copy monitor (no id; `status` is a free string). A failed copy's
 * monitor may also carry an `error` of the `publicError` shape.
 */
export const asyncJobStatusSchema = z.looseObject({
  error: publicErrorSchema.nullish(),
  operation: optionalString,
  percentageComplete: optionalPercentage,
  resourceId: optionalString,
  status: statusString,
  statusDescription: optionalString,
});
export type AsyncJobStatus = z.infer<typeof asyncJobStatusSchema>;

export const asyncJobStatusFlavour = defineFlavour({
  kind: "asyncJobStatus",
  schema: asyncJobStatusSchema,
  properties: {
    error: errorProperty,
    operation: stringProperty("type"),
    percentageComplete: percentageProperty("number"),
    resourceId: stringProperty("resourceId"),
    status: statusProperty("asyncJobStatus"),
    statusDescription: stringProperty("statusDetail"),
  },
});
