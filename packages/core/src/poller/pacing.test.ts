import { describe, expect, it } from "vitest";
import type { Operation } from "../models/operation.js";
import { nextPoll } from "./pacing.js";
import type { PacingInput } from "./pacing.js";
import { createPacingPolicy } from "./pacing-policy.js";
import { appendPacingSample } from "./pacing-sample.js";
import type { PacingSample } from "./pacing-sample.js";

const t0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const iso = (epoch: number) => new Date(epoch).toISOString();

function input(fields: Partial<PacingInput>): PacingInput {
  return { now: t0, attempt: 1, samples: [], consecutiveFailures: 0, ...fields };
}

describe("nextPoll", () => {
  const policy = createPacingPolicy({ random: () => 0.5 });

  it("polls at once the first time, unless the server asked for a wait", () => {
    expect(nextPoll(input({ attempt: 0 }), policy)).toEqual({ delay: 0, reason: "first" });
    expect(nextPoll(input({ attempt: 0, retryAfterMs: 5000 }), policy)).toEqual({
      delay: 5000,
      reason: "retry-after",
    });
  });

  it("uses the interval while no progress is reported, within minInterval and maxDelay", () => {
    expect(nextPoll(input({}), policy)).toEqual({ delay: 1000, reason: "interval" });
    expect(nextPoll(input({}), createPacingPolicy({ interval: 10, minInterval: 40 })).delay).toBe(40);
    expect(nextPoll(input({}), createPacingPolicy({ interval: 90_000, maxDelay: 30_000 })).delay).toBe(
      30_000,
    );
  });

  it("passes the last snapshot and attempt to an interval function", () => {
    const operation = {
      kind: "teamsAsyncOperation",
      status: "running",
      rawStatus: "inProgress",
      raw: {},
    } as Operation;
    const interval = (snapshot: Operation | undefined, attempt: number) =>
      snapshot?.kind === "teamsAsyncOperation" ? 30_000 * attempt : 1;
    expect(nextPoll(input({ operation, attempt: 2 }), createPacingPolicy({ interval })).delay).toBe(60_000);
    expect(() => nextPoll(input({}), createPacingPolicy({ interval: () => Number.NaN }))).toThrow(
      /interval function/,
    );
  });

  it("never polls earlier than Retry-After asks, on success and on failure", () => {
    expect(nextPoll(input({ retryAfterMs: 7000 }), policy)).toEqual({ delay: 7000, reason: "retry-after" });
    expect(nextPoll(input({ retryAfterMs: 2128, consecutiveFailures: 1 }), policy)).toEqual({
      delay: 2128,
      reason: "retry-after",
    });
    // A Retry-After shorter than the chosen delay does not shorten it.
    expect(nextPoll(input({ retryAfterMs: 10 }), policy)).toEqual({ delay: 1000, reason: "interval" });
  });

  it("caps Retry-After by maxRetryAfter, not by maxDelay", () => {
    const capped = createPacingPolicy({ maxDelay: 5000, maxRetryAfter: 20_000 });
    expect(nextPoll(input({ retryAfterMs: 86_400_000 }), capped)).toEqual({
      delay: 20_000,
      reason: "retry-after",
    });
  });

  it("backs off with full jitter after transient failures", () => {
    const draws = [0, 0.25, 0.999];
    for (const draw of draws) {
      const jittered = createPacingPolicy({ random: () => draw, retryDelay: 400 });
      expect(nextPoll(input({ consecutiveFailures: 3 }), jittered)).toEqual({
        delay: Math.floor(draw * 1600),
        reason: "backoff",
      });
    }
  });

  it("schedules near the finish estimated from progress and the operation's own timestamps", () => {
    const created = t0 - 1000;
    const samples: PacingSample[] = [
      {
        receivedAt: t0,
        status: "running",
        percentComplete: 50,
        createdDateTime: iso(created),
        lastActionDateTime: iso(t0),
      },
    ];
    const decision = nextPoll(input({ samples }), policy);
    expect(decision.reason).toBe("adaptive");
    // 50 % in 1 s: the finish is about 1 s away; the poll lands within the tolerance around it.
    expect(decision.delay).toBeGreaterThanOrEqual(960);
    expect(decision.delay).toBeLessThanOrEqual(1060);
    expect(nextPoll(input({ samples }), createPacingPolicy({ adaptive: false }))).toEqual({
      delay: 1000,
      reason: "interval",
    });
  });

  it("waits longer than the interval when progress says the end is far, at most adaptiveGrowth times the run", () => {
    const samples: PacingSample[] = [
      {
        receivedAt: t0,
        status: "running",
        percentComplete: 10,
        createdDateTime: iso(t0 - 10_000),
        lastActionDateTime: iso(t0),
      },
    ];
    // 10 % in 10 s: about 90 s to go, but the operation has run 10 s, so at most 2 x 10 s.
    expect(nextPoll(input({ samples }), policy)).toMatchObject({ reason: "adaptive", delay: 20_000 });
    const trusting = createPacingPolicy({ adaptiveGrowth: 100 });
    expect(nextPoll(input({ samples }), trusting).delay).toBeGreaterThan(50_000);
    expect(nextPoll(input({ samples }), trusting).delay).toBeLessThanOrEqual(60_000);
  });

  it("never schedules an adaptive poll before Retry-After or sooner than minInterval", () => {
    const samples: PacingSample[] = [
      {
        receivedAt: t0,
        status: "running",
        percentComplete: 99,
        createdDateTime: iso(t0 - 10_000),
        lastActionDateTime: iso(t0),
      },
    ];
    expect(nextPoll(input({ samples }), policy).delay).toBeGreaterThanOrEqual(50);
    expect(nextPoll(input({ samples, retryAfterMs: 3000 }), policy)).toMatchObject({
      delay: 3000,
      reason: "retry-after",
    });
  });

  it("polls densely while the operation reports 100 % but has not ended", () => {
    const samples: PacingSample[] = [
      { receivedAt: t0 - 400, status: "running", percentComplete: 100 },
      { receivedAt: t0, status: "running", percentComplete: 100 },
    ];
    expect(nextPoll(input({ samples, now: t0 }), policy)).toEqual({ delay: 200, reason: "overdue" });
    expect(nextPoll(input({ samples, now: t0 + 10_000 }), policy)).toEqual({
      delay: 1000,
      reason: "overdue",
    });
  });

  it("polls densely, then less often, once past the latest plausible finish", () => {
    const samples: PacingSample[] = [
      { receivedAt: t0 - 2000, status: "running", percentComplete: 40, lastActionDateTime: iso(t0 - 2000) },
      { receivedAt: t0 - 1000, status: "running", percentComplete: 90, lastActionDateTime: iso(t0 - 1000) },
    ];
    const soon = nextPoll(input({ samples, now: t0 - 750 }), policy);
    expect(soon.reason).toBe("overdue");
    expect(soon.delay).toBe(50);
    const later = nextPoll(input({ samples, now: t0 + 5000 }), policy);
    expect(later).toMatchObject({ reason: "overdue", delay: 1000 });
  });
});

/**
 * The upstream the simulator models: created at 0, linear progress reported as a whole percentage
 * rounded down, lastActionDateTime = the time of the answer, terminal at `duration`.
 */
function followLinearOperation(
  duration: number,
  latency: number,
  firstPollAt: number,
  curve: (fraction: number) => number = (fraction) => fraction,
  policy = createPacingPolicy({ random: () => 0.5 }),
) {
  let samples: PacingSample[] = [];
  let now = firstPollAt;
  for (let polls = 1; polls <= 50; polls += 1) {
    const answeredAt = now + latency;
    if (answeredAt >= duration) return { polls, lag: answeredAt - duration };
    const percentComplete = Math.floor(100 * curve(answeredAt / duration));
    samples = appendPacingSample(samples, {
      receivedAt: t0 + answeredAt + latency,
      status: "running",
      percentComplete,
      createdDateTime: iso(t0),
      lastActionDateTime: iso(t0 + answeredAt),
    });
    const decision = nextPoll(input({ now: t0 + answeredAt + latency, attempt: polls, samples }), policy);
    now = answeredAt + latency + decision.delay;
  }
  throw new Error(`operation of ${duration} ms not followed to its end in 50 polls`);
}

describe("adaptive pacing against simulated progress", () => {
  it("finds operations of 1-3 s with at most 4 polls and a mean lag under 100 ms", () => {
    const results = [];
    for (let duration = 1000; duration <= 3000; duration += 7) {
      results.push(followLinearOperation(duration, 2, 0));
    }
    const meanLag = results.reduce((sum, result) => sum + result.lag, 0) / results.length;
    const meanPolls = results.reduce((sum, result) => sum + result.polls, 0) / results.length;
    expect(Math.max(...results.map((result) => result.polls))).toBeLessThanOrEqual(4);
    expect(meanLag).toBeLessThan(100);
    expect(meanPolls).toBeLessThanOrEqual(4);
  });

  it("finds operations of 10-30 s in 4-7 polls with a worst lag under 250 ms (adaptiveMaxLag)", () => {
    const results = [];
    for (let duration = 10_000; duration <= 30_000; duration += 97) {
      results.push(followLinearOperation(duration, 5, 0));
    }
    const meanPolls = results.reduce((sum, result) => sum + result.polls, 0) / results.length;
    expect(Math.max(...results.map((result) => result.lag))).toBeLessThan(250);
    expect(Math.max(...results.map((result) => result.polls))).toBeLessThanOrEqual(7);
    expect(meanPolls).toBeLessThan(5.7);
  });

  it("lets the lag of long operations grow with adaptiveTolerance when adaptiveMaxLag allows it", () => {
    const lenient = createPacingPolicy({ random: () => 0.5, adaptiveMaxLag: 60_000 });
    const results = [];
    for (let duration = 10_000; duration <= 30_000; duration += 97) {
      results.push(followLinearOperation(duration, 5, 0, undefined, lenient));
    }
    const worst = Math.max(...results.map((result) => result.lag));
    expect(worst).toBeGreaterThan(250);
    expect(worst).toBeLessThan(300);
  });

  it("keeps the lag bounded when progress is not linear (slow start, fast middle, slow end)", () => {
    const ease = (fraction: number) =>
      fraction < 0.5 ? 4 * fraction ** 3 : 1 - (-2 * fraction + 2) ** 3 / 2;
    for (let duration = 1000; duration <= 30_000; duration += 211) {
      const { lag } = followLinearOperation(duration, 2, 0, ease);
      expect(lag).toBeLessThan(duration / 2);
    }
  });
});

describe("createPacingPolicy", () => {
  it("refuses an adaptiveMaxLag that is not milliseconds >= 0", () => {
    expect(createPacingPolicy().adaptiveMaxLag).toBe(200);
    for (const adaptiveMaxLag of [-1, Number.NaN, Infinity])
      expect(() => createPacingPolicy({ adaptiveMaxLag })).toThrow(/adaptiveMaxLag/);
  });
});
