import { z } from "zod";
import { optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { errorProperty, statusProperty, stringProperty } from "./flavour-properties.js";
import { publicErrorSchema } from "./public-error.js";

/** Graph's `workbookOperation` (Excel sessions); its `workbookOperationError` nests `innerError`. */
export const workbookOperationSchema = z.looseObject({
  id: optionalString,
  error: publicErrorSchema.nullish(),
  resourceLocation: optionalString,
  status: statusString,
});
export type WorkbookOperation = z.infer<typeof workbookOperationSchema>;

export const workbookOperationFlavour = defineFlavour({
  kind: "workbookOperation",
  schema: workbookOperationSchema,
  properties: {
    id: stringProperty("id"),
    error: errorProperty,
    resourceLocation: stringProperty("resourceLocation"),
    status: statusProperty("workbookOperation"),
  },
});
