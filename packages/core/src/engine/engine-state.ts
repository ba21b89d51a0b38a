import { z } from "zod";
import { operationKindSchema } from "../models/operation-kind.js";
import { operationSchema } from "../models/operation.js";
import { pacingSampleSchema } from "../poller/pacing-sample.js";
import { monitorTroubleSchema } from "./monitor-trouble.js";

const absoluteUrl = z.string().refine((value) => URL.canParse(value), "an absolute URL");

/**
 * Where the following of one operation stands, as plain JSON: the engine's whole state and the resume
 * token (save it in a file or a database row; `resumeOperation` and `step` take it back). It never holds
 * an Authorization value or any header.
 */
export const engineStateSchema = z.object({
  version: z.literal(2),
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
  /** When the next poll is due (epoch ms): never earlier, so a Retry-After survives a restart. */
  nextPollAt: z.number(),
  /** The last answer's Retry-After (ms), successful or not. */
  retryAfterMs: z.number().min(0).optional(),
  /** Failures in a row that count toward `maxRetries` (throttling never does). */
  failures: z.number().int().min(0).default(0),
  /** Set while the monitor gives no usable answer: what went wrong and since when. */
  trouble: monitorTroubleSchema.optional(),
  /** Since when the answers have shown no change (epoch ms), for the backoff of unchanging monitors. */
  unchangedSince: z.number().optional(),
  /** When following stops if the operation has not ended (epoch ms). */
  deadline: z.number().optional(),
});
export type EngineState = z.infer<typeof engineStateSchema>;

/** Version 1 tokens (before the engine): the same fields without failures, trouble or deadline. */
export const engineStateV1Schema = engineStateSchema
  .pick({
    monitorUrl: true,
    requestUrl: true,
    kind: true,
    operation: true,
    samples: true,
    attempt: true,
    nextPollAt: true,
  })
  .extend({ version: z.literal(1) });

/** Reads a state of this version or of version 1 (upgraded: no failures counted, no trouble). */
export const storedEngineStateSchema = z.union([
  engineStateSchema,
  engineStateV1Schema.transform((old): EngineState => ({ ...old, version: 2, failures: 0 })),
]);

/** The state before the first poll of `monitorUrl`. */
export function initialEngineState(fields: {
  monitorUrl: string;
  requestUrl?: string | undefined;
  kind?: EngineState["kind"];
  now: number;
  /** The 202's Retry-After: the first poll waits that long. */
  retryAfterMs?: number | undefined;
  deadline?: number | undefined;
}): EngineState {
  const state: EngineState = {
    version: 2,
    monitorUrl: fields.monitorUrl,
    samples: [],
    attempt: 0,
    failures: 0,
    nextPollAt: fields.now,
  };
  if (fields.requestUrl !== undefined) state.requestUrl = fields.requestUrl;
  if (fields.kind !== undefined) state.kind = fields.kind;
  if (fields.retryAfterMs !== undefined) state.retryAfterMs = fields.retryAfterMs;
  if (fields.deadline !== undefined) state.deadline = fields.deadline;
  return state;
}
