import type { PacingSample } from "./pacing-sample.js";

/** When an operation should finish, from the rate of its progress; client clock, epoch ms. */
export interface CompletionEstimate {
  /** The earliest plausible finish. */
  earliest: number;
  /** The latest plausible finish; `Infinity` when progress may have stalled. */
  latest: number;
  /** The start of the baseline the rate was measured over. */
  since: number;
}

const parseDate = (value: string | undefined): number | undefined => {
  const epoch = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(epoch) ? undefined : epoch;
};

/**
 * Fills `times` with the samples' times on the client's clock, read from the operation's own
 * `lastActionDateTime` (the server's clock, free of network jitter) shifted by the smallest observed gap
 * between the two clocks, and returns that gap. When a sample lacks the date or the dates do not advance
 * with progress, fills it with when each answer was received instead and returns undefined.
 */
function fillSampleTimes(samples: readonly PacingSample[], times: number[]): number | undefined {
  let offset = Infinity;
  let serverClock = true;
  for (let index = 0; index < samples.length; index += 1) {
    const sample = samples[index]!;
    const action = parseDate(sample.lastActionDateTime);
    if (action === undefined) {
      serverClock = false;
      break;
    }
    times[index] = action;
    offset = Math.min(offset, sample.receivedAt - action);
  }
  if (serverClock) {
    for (let index = 0; index < samples.length; index += 1) times[index]! += offset;
    for (let index = 1; index < samples.length && serverClock; index += 1) {
      const previous = samples[index - 1]!.percentComplete;
      const current = samples[index]!.percentComplete;
      if (
        previous !== undefined &&
        current !== undefined &&
        current !== previous &&
        times[index]! <= times[index - 1]!
      )
        serverClock = false;
    }
    if (serverClock) return offset;
  }
  for (let index = 0; index < samples.length; index += 1) times[index] = samples[index]!.receivedAt;
  return undefined;
}

/**
 * The windows of plausible finishes, one per baseline, intersected as they come; and the window of the
 * latest baseline, for when they disagree. Plain fields: an estimate runs on every answer.
 */
class FinishWindows {
  count = 0;
  earliest = -Infinity;
  latest = Infinity;
  since = Infinity;
  private newest: CompletionEstimate | undefined;

  constructor(
    /** The last sample: its time and the range its whole-number percentage stands for. */
    private readonly lastTime: number,
    private readonly lastLow: number,
    private readonly lastHigh: number,
  ) {}

  /** The window from a baseline at `time` whose true progress was in [low, high], to the last sample. */
  add(time: number, low: number, high: number): void {
    const elapsed = this.lastTime - time;
    const fastest = this.lastHigh - low;
    const slowest = this.lastLow - high;
    if (elapsed <= 0 || fastest <= 0) return;
    const earliest = this.lastTime + (Math.max(0, 100 - this.lastHigh) * elapsed) / fastest;
    const latest = slowest > 0 ? this.lastTime + ((100 - this.lastLow) * elapsed) / slowest : Infinity;
    this.count += 1;
    this.earliest = Math.max(this.earliest, earliest);
    this.latest = Math.min(this.latest, latest);
    this.since = Math.min(this.since, time);
    if (this.newest === undefined || time > this.newest.since)
      this.newest = { earliest, latest, since: time };
  }

  estimate(): CompletionEstimate | undefined {
    if (this.count === 0) return undefined;
    if (this.earliest <= this.latest)
      return { earliest: this.earliest, latest: this.latest, since: this.since };
    // The baselines disagree (the operation waited before it started, or its pace changed): trust the latest pace.
    return this.newest;
  }
}

/** The range of true progress a reported whole-number percentage stands for (rounded down or to nearest). */
const lowOf = (percent: number) => Math.max(0, percent - 0.5);
const highOf = (percent: number) => Math.min(100, percent + 1);

/**
 * Estimates the finish from the rate of `percentComplete` between the samples (oldest first) and the
 * operation's `createdDateTime` (progress 0, moved to the last `notStarted` sample if there is one).
 * Every baseline gives a window of plausible finishes; the windows are intersected. Undefined when the
 * latest sample reports no progress, or no rate can be measured yet. Runs on every answer, so it reads the
 * samples in place rather than through intermediate arrays.
 */
export function estimateCompletion(samples: readonly PacingSample[]): CompletionEstimate | undefined {
  const count = samples.length;
  const last = samples[count - 1];
  const percent = last?.percentComplete;
  if (last === undefined || percent === undefined || percent <= 0 || percent >= 100) return undefined;
  const times: number[] = [];
  const offset = fillSampleTimes(samples, times);
  const windows = new FinishWindows(times[count - 1]!, lowOf(percent), highOf(percent));
  for (let index = 0; index < count - 1; index += 1) {
    const base = samples[index]!.percentComplete;
    if (base !== undefined && base <= percent) windows.add(times[index]!, lowOf(base), highOf(base));
  }
  const created = parseDate(last.createdDateTime);
  if (created !== undefined) {
    const createdTime = created + (offset ?? 0);
    let start = createdTime;
    for (let index = 0; index < count; index += 1)
      if (samples[index]!.status === "notStarted" && times[index]! > createdTime)
        start = Math.max(start, times[index]!);
    if (offset !== undefined || start <= samples[0]!.receivedAt) windows.add(start, 0, 0);
  }
  return windows.estimate();
}
