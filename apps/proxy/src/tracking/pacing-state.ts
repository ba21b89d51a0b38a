import { operationKindSchema, pacingSampleSchema } from "@lro/core";
import { z } from "zod";
import type { JsonObject } from "../store/operation-record.js";

/**
 * What the tracker keeps in a row's `pacing` column for `nextPoll`: the recent answers (see core's
 * `appendPacingSample`), the last Retry-After, and the flavour the adopter named, if any.
 */
export const pacingStateSchema = z.object({
  samples: z.array(pacingSampleSchema).default([]),
  retryAfterMs: z.number().nonnegative().optional(),
  kind: operationKindSchema.optional(),
});
export type PacingState = z.infer<typeof pacingStateSchema>;

/** Reads the column; a value this version cannot read restarts pacing from scratch rather than failing. */
export function readPacingState(value: JsonObject): PacingState {
  const parsed = pacingStateSchema.safeParse(value);
  return parsed.success ? parsed.data : { samples: [] };
}

export function toPacingJson(state: PacingState): JsonObject {
  return JSON.parse(JSON.stringify(state)) as JsonObject;
}
