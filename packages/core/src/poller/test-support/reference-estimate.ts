import type { CompletionEstimate } from "../completion-estimate.js";
import type { PacingSample } from "../pacing-sample.js";

// The estimate as first written, with intermediate arrays: the readable statement of what
// `estimateCompletion` computes in place. Its property test holds the two to the same answers.

/** A reported percentage: a whole number, rounded down or to nearest, so the true value is in [low, high]. */
interface ProgressPoint {
  time: number;
  low: number;
  high: number;
}

function pointOf(percent: number, time: number): ProgressPoint {
  return { time, low: Math.max(0, percent - 0.5), high: Math.min(100, percent + 1) };
}

function windowBetween(base: ProgressPoint, last: ProgressPoint): CompletionEstimate | undefined {
  const elapsed = last.time - base.time;
  const fastest = last.high - base.low;
  const slowest = last.low - base.high;
  if (elapsed <= 0 || fastest <= 0) return undefined;
  const earliest = last.time + (Math.max(0, 100 - last.high) * elapsed) / fastest;
  const latest = slowest > 0 ? last.time + ((100 - last.low) * elapsed) / slowest : Infinity;
  return { earliest, latest, since: base.time };
}

const parseDate = (value: string | undefined): number | undefined => {
  const epoch = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(epoch) ? undefined : epoch;
};

/**
 * The samples' times on the client's clock, read from the operation's own `lastActionDateTime` (the
 * server's clock, free of network jitter) shifted by the smallest observed gap between the two clocks.
 * Undefined when a sample lacks the date or the dates do not advance with progress.
 */
function serverClockTimes(samples: readonly PacingSample[]): { times: number[]; offset: number } | undefined {
  const actions = samples.map((sample) => parseDate(sample.lastActionDateTime));
  if (actions.some((action) => action === undefined)) return undefined;
  const offset = Math.min(...samples.map((sample, index) => sample.receivedAt - actions[index]!));
  const times = actions.map((action) => action! + offset);
  for (let index = 1; index < samples.length; index += 1) {
    const previous = samples[index - 1]!.percentComplete;
    const current = samples[index]!.percentComplete;
    if (
      previous !== undefined &&
      current !== undefined &&
      current !== previous &&
      times[index]! <= times[index - 1]!
    )
      return undefined;
  }
  return { times, offset };
}

/**
 * Estimates the finish from the rate of `percentComplete` between the samples (oldest first) and the
 * operation's `createdDateTime` (progress 0, moved to the last `notStarted` sample if there is one).
 * Every baseline gives a window of plausible finishes; the windows are intersected. Undefined when the
 * latest sample reports no progress, or no rate can be measured yet.
 */
export function referenceEstimate(samples: readonly PacingSample[]): CompletionEstimate | undefined {
  const last = samples.at(-1);
  if (last?.percentComplete === undefined || last.percentComplete <= 0 || last.percentComplete >= 100)
    return undefined;
  const serverClock = serverClockTimes(samples);
  const times = serverClock?.times ?? samples.map((sample) => sample.receivedAt);
  const lastPoint = pointOf(last.percentComplete, times.at(-1)!);
  const windows: CompletionEstimate[] = [];
  samples.slice(0, -1).forEach((sample, index) => {
    if (sample.percentComplete === undefined || sample.percentComplete > last.percentComplete!) return;
    const window = windowBetween(pointOf(sample.percentComplete, times[index]!), lastPoint);
    if (window) windows.push(window);
  });
  const created = parseDate(last.createdDateTime);
  if (created !== undefined) {
    const createdTime = created + (serverClock?.offset ?? 0);
    const waited = samples.filter(
      (sample, index) => sample.status === "notStarted" && times[index]! > createdTime,
    );
    const start = Math.max(createdTime, ...waited.map((sample) => times[samples.indexOf(sample)]!));
    const plausible = serverClock !== undefined || start <= samples[0]!.receivedAt;
    const window = plausible ? windowBetween({ time: start, low: 0, high: 0 }, lastPoint) : undefined;
    if (window) windows.push(window);
  }
  if (windows.length === 0) return undefined;
  const earliest = Math.max(...windows.map((window) => window.earliest));
  const latest = Math.min(...windows.map((window) => window.latest));
  const since = Math.min(...windows.map((window) => window.since));
  if (earliest <= latest) return { earliest, latest, since };
  // The baselines disagree (the operation waited before it started, or its pace changed): trust the latest pace.
  return windows.reduce((best, window) => (window.since > best.since ? window : best));
}
