import { z } from "zod";
import { InvalidResumeTokenError } from "../errors/invalid-resume-token-error.js";
import { operationKindSchema } from "../models/operation-kind.js";
import { operationSchema } from "../models/operation.js";
import { pacingSampleSchema } from "./pacing-sample.js";

const absoluteUrl = z.string().refine((value) => URL.canParse(value), "an absolute URL");

/**
 * Where a poll stands, as plain JSON: save it (a file, a database row) and pass it to `resumeOperation`
 * after a restart. It never holds an Authorization value or any header.
 */
export const resumeTokenSchema = z.object({
  version: z.literal(1),
  monitorUrl: absoluteUrl,
  /** The original request's address: its origin may receive the caller's Authorization. */
  requestUrl: absoluteUrl.optional(),
  kind: operationKindSchema.optional(),
  /** The last snapshot received. */
  operation: operationSchema.optional(),
  /** What pacing knows of the recent answers. */
  samples: z.array(pacingSampleSchema).max(16),
  /** Successful answers so far. */
  attempt: z.number().int().min(0),
  /** When the next poll is due (epoch ms): never earlier, so a Retry-After survives the restart. */
  nextPollAt: z.number(),
});
export type ResumeToken = z.infer<typeof resumeTokenSchema>;

/** Checks a token (e.g. parsed from storage); throws `InvalidResumeTokenError` naming each bad field. */
export function parseResumeToken(input: unknown): ResumeToken {
  const result = resumeTokenSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "token"}: ${issue.message}`);
  throw new InvalidResumeTokenError(issues, { cause: result.error });
}
