import { z } from "zod";
import { optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { errorProperty, statusProperty, stringProperty } from "./flavour-properties.js";
import { publicErrorSchema } from "./public-error.js";

/** Graph's `externalConnectors.connectionOperation` (and the beta `connectionOperation`): status and error only. */
export const connectionOperationSchema = z.looseObject({
  id: optionalString,
  error: publicErrorSchema.nullish(),
  status: statusString,
});
export type ConnectionOperation = z.infer<typeof connectionOperationSchema>;

export const connectionOperationFlavour = defineFlavour({
  kind: "connectionOperation",
  schema: connectionOperationSchema,
  properties: {
    id: stringProperty("id"),
    error: errorProperty,
    status: statusProperty("connectionOperation"),
  },
});
