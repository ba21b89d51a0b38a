import { operationKindSchema } from "@lro/core";
import { z } from "zod";
import { BadRequestError } from "../http-errors/request-errors.js";

/** The body of `POST /operations`: a monitor the client already holds, to be followed by the proxy. */
export const adoptRequestSchema = z
  .object({
    monitorUrl: z.url({ protocol: /^https?$/, error: "monitorUrl must be an absolute http(s) URL" }),
    notificationUrl: z
      .url({ protocol: /^https?$/, error: "notificationUrl must be an absolute http(s) URL" })
      .optional(),
    kind: operationKindSchema.optional(),
  })
  .strict();
export type AdoptRequest = z.infer<typeof adoptRequestSchema>;

/** Checks the body; a 400 names each problem and shows the expected shape. */
export function parseAdoptRequest(body: unknown): AdoptRequest {
  const parsed = adoptRequestSchema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${issue.path.join(".")}: ${issue.message}`,
  );
  throw new BadRequestError(
    `Invalid body: ${problems.join("; ")}. Expected JSON such as ` +
      '{ "monitorUrl": "https://graph.microsoft.com/v1.0/...", "notificationUrl": "https://example.com/hook" }.',
    { innerError: { problems } },
  );
}
