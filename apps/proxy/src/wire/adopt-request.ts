import { adoptRequestSchema, type AdoptRequest } from "@lro/client";
import { BadRequestError } from "../http-errors/request-errors.js";

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
