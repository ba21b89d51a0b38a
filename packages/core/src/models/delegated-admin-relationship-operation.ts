import { z } from "zod";
import { optionalDateTime, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty } from "./flavour-properties.js";

/** Graph's `delegatedAdminRelationshipOperation` (`data` is a JSON string; status: `longRunningOperationStatus`). */
export const delegatedAdminRelationshipOperationSchema = z.looseObject({
  id: optionalString,
  createdDateTime: optionalDateTime,
  data: optionalString,
  lastModifiedDateTime: optionalDateTime,
  operationType: optionalString,
  status: statusString,
});
export type DelegatedAdminRelationshipOperation = z.infer<typeof delegatedAdminRelationshipOperationSchema>;

export const delegatedAdminRelationshipOperationFlavour = defineFlavour({
  kind: "delegatedAdminRelationshipOperation",
  schema: delegatedAdminRelationshipOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    lastModifiedDateTime: stringProperty("lastActionDateTime"),
    operationType: stringProperty("operationType"),
    status: statusProperty("delegatedAdminRelationshipOperation"),
  },
});
