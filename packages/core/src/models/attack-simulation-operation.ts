import type { z } from "zod";
import { optionalPercentage, optionalString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { percentageProperty, statusProperty, stringProperty } from "./flavour-properties.js";
import { longRunningOperationSchema } from "./long-running-operation.js";

/** Graph's `attackSimulationOperation` (note the spelling `percentageCompleted`). */
export const attackSimulationOperationSchema = longRunningOperationSchema.extend({
  percentageCompleted: optionalPercentage,
  tenantId: optionalString,
  type: optionalString,
});
export type AttackSimulationOperation = z.infer<typeof attackSimulationOperationSchema>;

export const attackSimulationOperationFlavour = defineFlavour({
  kind: "attackSimulationOperation",
  schema: attackSimulationOperationSchema,
  properties: {
    id: stringProperty("id"),
    createdDateTime: stringProperty("createdDateTime"),
    lastActionDateTime: stringProperty("lastActionDateTime"),
    resourceLocation: stringProperty("resourceLocation"),
    status: statusProperty("attackSimulationOperation"),
    statusDetail: stringProperty("statusDetail"),
    percentageCompleted: percentageProperty("number"),
    type: stringProperty("type"),
  },
});
