import { z } from "zod";
import { optionalPercentage, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { percentageProperty, statusProperty, stringProperty } from "./flavour-properties.js";

/** Graph's `asyncJobStatus`: the driveItem copy monitor (no id; `status` is a free string). */
export const asyncJobStatusSchema = z.looseObject({
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
    operation: stringProperty("type"),
    percentageComplete: percentageProperty("number"),
    resourceId: stringProperty("resourceId"),
    status: statusProperty("asyncJobStatus"),
    statusDescription: stringProperty("statusDetail"),
  },
});
