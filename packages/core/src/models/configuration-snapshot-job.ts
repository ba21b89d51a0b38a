import { z } from "zod";
import { optionalDateTime, optionalString, statusString } from "./field-schemas.js";
import { errorDetailsProperty, errorDetailsSchema } from "./error-details.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty } from "./flavour-properties.js";

/** Graph's `configurationSnapshotJob` (admin configuration management; status: `snapshotJobStatus`). */
export const configurationSnapshotJobSchema = z.looseObject({
  id: optionalString,
  completedDateTime: optionalDateTime,
  createdDateTime: optionalDateTime,
  description: optionalString,
  displayName: optionalString,
  errorDetails: errorDetailsSchema,
  resourceLocation: optionalString,
  resources: z.array(z.string()).nullish(),
  status: statusString,
  tenantId: optionalString,
});
export type ConfigurationSnapshotJob = z.infer<typeof configurationSnapshotJobSchema>;

export const configurationSnapshotJobFlavour = defineFlavour({
  kind: "configurationSnapshotJob",
  schema: configurationSnapshotJobSchema,
  properties: {
    id: stringProperty("id"),
    completedDateTime: stringProperty("lastActionDateTime"),
    createdDateTime: stringProperty("createdDateTime"),
    errorDetails: errorDetailsProperty,
    resourceLocation: stringProperty("resourceLocation"),
    status: statusProperty("configurationSnapshotJob"),
  },
});
