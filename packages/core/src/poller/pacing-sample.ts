import { z } from "zod";
import type { Operation } from "../models/operation.js";
import { operationStatusSchema } from "../models/operation-status.js";

/** What pacing keeps of one answer: small and plain JSON, so it fits a resume token or a database row. */
export const pacingSampleSchema = z.object({
  /** When the answer arrived, on the client's clock (epoch ms). */
  receivedAt: z.number(),
  status: operationStatusSchema,
  percentComplete: z.number().min(0).max(100).optional(),
  createdDateTime: z.string().optional(),
  lastActionDateTime: z.string().optional(),
});
export type PacingSample = z.infer<typeof pacingSampleSchema>;

export function toPacingSample(operation: Operation, receivedAt: number): PacingSample {
  const sample: PacingSample = { receivedAt, status: operation.status };
  if (operation.percentComplete !== undefined) sample.percentComplete = operation.percentComplete;
  if (operation.createdDateTime !== undefined) sample.createdDateTime = operation.createdDateTime;
  if (operation.lastActionDateTime !== undefined) sample.lastActionDateTime = operation.lastActionDateTime;
  return sample;
}

/**
 * The first of the three samples kept when `sample` is appended to three or more: the first that reported
 * progress, or the third latest when that is one of the two latest anyway. Read in place, as if `sample`
 * were appended: no intermediate arrays on every poll.
 */
function firstKept(samples: readonly PacingSample[], sample: PacingSample): PacingSample {
  let firstWithProgress = samples[0]!;
  const withProgress = samples.find((candidate) => (candidate.percentComplete ?? 0) > 0);
  if (withProgress !== undefined) firstWithProgress = withProgress;
  else if ((sample.percentComplete ?? 0) > 0) firstWithProgress = sample;
  const secondLatest = samples[samples.length - 1]!;
  return firstWithProgress === secondLatest || firstWithProgress === sample
    ? samples[samples.length - 2]!
    : firstWithProgress;
}

/**
 * The samples with `sample` appended, keeping at most three: the first that reported progress (the longest
 * baseline for the rate of progress) and the two latest. Returns a new array.
 */
export function appendPacingSample(samples: readonly PacingSample[], sample: PacingSample): PacingSample[] {
  if (samples.length < 3) return [...samples, sample];
  return [firstKept(samples, sample), samples[samples.length - 1]!, sample];
}

/**
 * `appendPacingSample` for an owner that keeps the result in place of `samples`: while fewer than three are
 * kept, a new array of exactly the samples kept (a push would give a one-element array room for 17); from
 * three on, `samples` itself, updated in place (no new array on each poll).
 */
export function pushPacingSample(samples: PacingSample[], sample: PacingSample): PacingSample[] {
  if (samples.length === 0) return [sample];
  if (samples.length === 1) return [samples[0]!, sample];
  if (samples.length === 2) return [samples[0]!, samples[1]!, sample];
  const first = firstKept(samples, sample);
  const secondLatest = samples[samples.length - 1]!;
  samples.length = 3;
  samples[0] = first;
  samples[1] = secondLatest;
  samples[2] = sample;
  return samples;
}
