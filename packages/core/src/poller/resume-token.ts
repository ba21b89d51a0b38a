import { InvalidResumeTokenError } from "../errors/invalid-resume-token-error.js";
import type { z } from "zod";
import { engineStateSchema, engineStateV1Schema, storedEngineStateSchema } from "../engine/engine-state.js";
import type { EngineState } from "../engine/engine-state.js";

/**
 * Where a poll stands, as plain JSON: the engine's state (see `step`). Save it (a file, a database row)
 * and pass it to `resumeOperation` after a restart. It never holds an Authorization value or any header.
 */
export const resumeTokenSchema = engineStateSchema;
export type ResumeToken = EngineState;
/** What `parseResumeToken` and `resumeOperation` accept: a token of this version or of version 1. */
export type StoredResumeToken = z.input<typeof storedEngineStateSchema>;

/**
 * Checks a token (e.g. parsed from storage), version 2 or the older version 1 (upgraded); throws
 * `InvalidResumeTokenError` naming each bad field.
 */
export function parseResumeToken(input: unknown): ResumeToken {
  const result = storedEngineStateSchema.safeParse(input);
  if (result.success) return result.data;
  // The issues of the version the input claims, rather than "matches no version".
  const claimed =
    (input as { version?: unknown } | null)?.version === 1 ? engineStateV1Schema : engineStateSchema;
  const detailed = claimed.safeParse(input);
  const error = detailed.success ? result.error : detailed.error;
  const issues = error.issues.map((issue) => `${issue.path.join(".") || "token"}: ${issue.message}`);
  throw new InvalidResumeTokenError(issues, { cause: error });
}
