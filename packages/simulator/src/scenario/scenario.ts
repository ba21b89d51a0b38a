/** How the simulated percentage moves while an operation runs. */
export type ProgressCurve = "linear" | "steps" | "ease" | "none";
export type Outcome = "succeeded" | "failed";
export type RetryAfterFormat = "seconds" | "http-date";
/** How a finished driveItem copy monitor answers: 303 See Other to the new item, or 200 with a body. */
export type CopyCompletion = "seeOther" | "body";

/** Which polls of a monitor a fault applies to: `count` polls starting at poll number `from` (1-based). */
export interface PollWindow {
  from?: number;
  count?: number;
}

export interface ThrottleFault extends PollWindow {
  status: 429 | 503;
  retryAfterSeconds?: number;
}

export interface MonitorErrorFault extends PollWindow {
  status: 401 | 403 | 404 | 500;
}

export interface SlowFault extends PollWindow {
  delayMs: number;
}

/** A status value no vocabulary knows, reported during the last `durationMs` before the operation ends. */
export interface FutureStatusFault {
  value: string;
  durationMs: number;
}

export interface SimulatedError {
  code: string;
  message: string;
}

/** Everything a scenario can say; every field optional, merged over the simulator's defaults. */
export interface ScenarioOptions {
  durationMs?: number;
  notStartedMs?: number;
  progress?: ProgressCurve;
  outcome?: Outcome;
  failureRate?: number;
  error?: SimulatedError;
  retryAfterSeconds?: number;
  monitorRetryAfterSeconds?: number;
  retryAfterFormat?: RetryAfterFormat;
  immediate?: boolean;
  copyCompletion?: CopyCompletion;
  throttle?: ThrottleFault;
  malformed?: PollWindow;
  drop?: PollWindow;
  slow?: SlowFault;
  monitorError?: MonitorErrorFault;
  futureStatus?: FutureStatusFault;
}

/** A scenario after merging: the fields every operation needs are always present. */
export interface ResolvedScenario extends ScenarioOptions {
  durationMs: number;
  notStartedMs: number;
  progress: ProgressCurve;
  retryAfterFormat: RetryAfterFormat;
  immediate: boolean;
  copyCompletion: CopyCompletion;
}

export const baseScenario: ResolvedScenario = {
  durationMs: 1000,
  notStartedMs: 0,
  progress: "linear",
  retryAfterFormat: "seconds",
  immediate: false,
  copyCompletion: "seeOther",
};
