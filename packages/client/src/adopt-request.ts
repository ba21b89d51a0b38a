import { operationKindSchema } from "@lro/core";
import { z } from "zod";

/** The body of `POST /operations`: a monitor the client already holds, to be followed by the proxy. */
export const adoptRequestSchema = z
  .object({
    monitorUrl: z.url({ protocol: /^https?$/, error: "monitorUrl must be an absolute http(s) URL" }),
    notificationUrl: z
      .url({ protocol: /^https?$/, error: "notificationUrl must be an absolute http(s) URL" })
      .optional(),
    kind: operationKindSchema.optional(),
  })
  .strict()
  .meta({ id: "AdoptRequest" });
export type AdoptRequest = z.infer<typeof adoptRequestSchema>;
