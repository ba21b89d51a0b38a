import { z } from "zod";
import { optionalString, statusString } from "./field-schemas.js";
import { defineFlavour } from "./flavour.js";
import { statusProperty, stringProperty } from "./flavour-properties.js";

/** Graph's beta `mailFolderOperation` (and `updateAllMessagesReadStateOperation`). */
export const mailFolderOperationSchema = z.looseObject({
  id: optionalString,
  resourceLocation: optionalString,
  status: statusString,
});
export type MailFolderOperation = z.infer<typeof mailFolderOperationSchema>;

export const mailFolderOperationFlavour = defineFlavour({
  kind: "mailFolderOperation",
  schema: mailFolderOperationSchema,
  properties: {
    id: stringProperty("id"),
    resourceLocation: stringProperty("resourceLocation"),
    status: statusProperty("mailFolderOperation"),
  },
});
