import type { z } from "zod";
import { optionalString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty } from "./flavour-properties.js";
import { longRunningOperationSchema } from "./long-running-operation.js";

/** Graph's `engagementAsyncOperation` (Viva Engage communities). */
export const engagementAsyncOperationSchema = longRunningOperationSchema.extend({
  operationType: optionalString,
  resourceId: optionalString,
});
export type EngagementAsyncOperation = z.infer<typeof engagementAsyncOperationSchema>;

export const engagementAsyncOperationFlavour = defineFlavour({
  kind: "engagementAsyncOperation",
  schema: engagementAsyncOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    lastActionDateTime: stringProperty("lastActionDateTime"),
    resourceLocation: stringProperty("resourceLocation"),
    status: statusProperty("engagementAsyncOperation"),
    statusDetail: stringProperty("statusDetail"),
    operationType: stringProperty("operationType"),
    resourceId: stringProperty("resourceId"),
  },
});
