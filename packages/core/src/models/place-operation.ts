import { z } from "zod";
import { optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty } from "./flavour-properties.js";
import { placeOperationProgressSchema, placeProgressProperty } from "./place-progress.js";

/** Graph's beta `placeOperation`: `progress` is an object of place counts; `details` one entry per place. */
export const placeOperationSchema = z.looseObject({
  id: optionalString,
  details: z.array(z.unknown()).nullish(),
  progress: placeOperationProgressSchema.nullish(),
  status: statusString,
});
export type PlaceOperation = z.infer<typeof placeOperationSchema>;

export const placeOperationFlavour = defineFlavour({
  kind: "placeOperation",
  schema: placeOperationSchema,
  properties: {
    id: stringProperty("id"),
    progress: placeProgressProperty,
    status: statusProperty("placeOperation"),
  },
});
