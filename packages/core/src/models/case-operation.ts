import { z } from "zod";
import { optionalDateTime, optionalPercentage, optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { percentageProperty, statusProperty, stringProperty } from "./flavour-properties.js";
import { resultInfoProperty, resultInfoSchema } from "./result-info.js";

/**
 * Graph's `security.caseOperation` (and the older beta `ediscovery.caseOperation`) with their derived
 * eDiscovery operations (`ediscoveryExportOperation`, `ediscoveryEstimateOperation`...):
 * `percentProgress` is their percentage, `action` what they do.
 */
export const caseOperationSchema = z.looseObject({
  id: optionalString,
  action: optionalString,
  completedDateTime: optionalDateTime,
  createdBy: z.looseObject({}).nullish(),
  createdDateTime: optionalDateTime,
  percentProgress: optionalPercentage,
  resultInfo: resultInfoSchema.nullish(),
  status: statusString,
});
export type CaseOperation = z.infer<typeof caseOperationSchema>;

export const caseOperationFlavour = defineFlavour({
  kind: "caseOperation",
  schema: caseOperationSchema,
  properties: {
    id: stringProperty("id"),
    action: stringProperty("type"),
    completedDateTime: stringProperty("lastActionDateTime"),
    createdDateTime: stringProperty("createdDateTime"),
    percentProgress: percentageProperty("number"),
    resultInfo: resultInfoProperty,
    status: statusProperty("caseOperation"),
  },
});
