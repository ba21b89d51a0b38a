import { z } from "zod";
import { optionalDateTime, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { errorProperty, statusProperty, stringProperty } from "./flavour-properties.js";
import { publicErrorSchema } from "./public-error.js";

/** Graph's beta `approvalOperation` (status: `approvalOperationStatus`, with `scheduled` and `timeout`). */
export const approvalOperationSchema = z.looseObject({
  id: optionalString,
  createdDateTime: optionalDateTime,
  error: publicErrorSchema.nullish(),
  lastActionDateTime: optionalDateTime,
  resourceLocation: optionalString,
  status: statusString,
});
export type ApprovalOperation = z.infer<typeof approvalOperationSchema>;

export const approvalOperationFlavour = defineFlavour({
  kind: "approvalOperation",
  schema: approvalOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    error: errorProperty,
    lastActionDateTime: stringProperty("lastActionDateTime"),
    resourceLocation: stringProperty("resourceLocation"),
    status: statusProperty("approvalOperation"),
  },
});
