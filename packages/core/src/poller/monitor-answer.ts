import type { Operation } from "../models/operation.js";

/** One successful reading of a status monitor. */
export interface MonitorAnswer {
  /** The snapshot: read from the body, or made from a 303 See Other (succeeded, result at its Location). */
  operation: Operation;
  httpStatus: number;
  /** The answer's Retry-After in milliseconds: the service's pacing hint for the next poll. */
  retryAfterMs?: number | undefined;
  /** When the answer arrived (epoch ms, on the clock given as `now`). */
  receivedAt: number;
}
