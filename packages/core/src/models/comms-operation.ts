import { z } from "zod";
import { optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty } from "./flavour-properties.js";
import { resultInfoProperty, resultInfoSchema } from "./result-info.js";

/**
 * Graph's `commsOperation` and the twelve types derived from it (`playPromptOperation`,
 * `recordOperation`, `muteParticipantOperation`...; status: `operationStatus`). A failed one says why in
 * `resultInfo` (`code` 400 and up).
 */
export const commsOperationSchema = z.looseObject({
  id: optionalString,
  clientContext: optionalString,
  resultInfo: resultInfoSchema.nullish(),
  status: statusString,
});
export type CommsOperation = z.infer<typeof commsOperationSchema>;

export const commsOperationFlavour = defineFlavour({
  kind: "commsOperation",
  schema: commsOperationSchema,
  properties: {
    id: stringProperty("id"),
    resultInfo: resultInfoProperty,
    status: statusProperty("commsOperation"),
  },
});
