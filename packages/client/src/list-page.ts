import { z } from "zod";
import { wireOperationSchema } from "./wire-operation.js";

/** A page of `GET /operations`: newest first; `@odata.nextLink` is absent on the last page. */
export const operationListPageSchema = z
  .object({
    value: z.array(wireOperationSchema),
    "@odata.nextLink": z
      .string()
      .optional()
      .describe(
        "The next page, to be followed as it is (an absolute URL when the proxy knows its public URL).",
      ),
  })
  .meta({ id: "OperationList" });
export type OperationListPage = z.infer<typeof operationListPageSchema>;
