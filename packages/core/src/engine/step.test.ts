import { describe, expect, it } from "vitest";
import { OperationFailedError } from "../errors/operation-failed-error.js";
import { OperationNotFoundError } from "../errors/operation-not-found-error.js";
import { PollTimeoutError } from "../errors/poll-timeout-error.js";
import { TransportError } from "../errors/transport-error.js";
import { UpstreamHttpError } from "../errors/upstream-http-error.js";
import type { Operation } from "../models/operation.js";
import type { MonitorAnswer } from "../poller/monitor-answer.js";
import { createEnginePolicy } from "./engine-policy.js";
import { engineStateSchema, initialEngineState, storedEngineStateSchema } from "./engine-state.js";
import type { EngineState } from "./engine-state.js";
import { advance, copyEngineState, firstPoll, nextWake, step } from "./step.js";
import type { StepResult } from "./step-result.js";

const monitorUrl = "https://graph.microsoft.com/v1.0/sites/root/operations/op-1";
const t0 = Date.UTC(2026, 11, 7, 5, 0, 0);
const policy = createEnginePolicy({ random: () => 0.5, adaptive: false });

function operation(status: Operation["status"], fields: Partial<Operation> = {}): Operation {
  return { kind: "richLongRunningOperation", status, rawStatus: status, raw: {}, ...fields };
}

function answer(status: Operation["status"], at: number, fields: Partial<MonitorAnswer> = {}): MonitorAnswer {
  return { operation: operation(status), httpStatus: 200, receivedAt: at, ...fields };
}

const throttled = (retryAfterMs?: number) =>
  new UpstreamHttpError({ url: monitorUrl, httpStatus: 429, transient: true, retryAfterMs });
const broken = (httpStatus = 502) => new UpstreamHttpError({ url: monitorUrl, httpStatus, transient: true });

/** A state that has had its first answer (`running`) at t0. */
function running(fields: Partial<EngineState> = {}): EngineState {
  const begun = firstPoll(initialEngineState({ monitorUrl, now: t0 }), policy, t0).state;
  return { ...step(begun, { type: "answer", answer: answer("running", t0) }, policy, t0).state, ...fields };
}

/** Deeply frozen, so a test fails if `step` changes what it was given. */
function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

describe("step", () => {
  it("schedules the first poll at once, or after the start answer's Retry-After capped by maxRetryAfter", () => {
    const now = firstPoll(initialEngineState({ monitorUrl, now: t0 }), policy, t0);
    expect(now).toMatchObject({ nextPollAt: t0, reason: "first", changed: false });
    const later = initialEngineState({ monitorUrl, now: t0, retryAfterMs: 10 * 3_600_000 });
    expect(firstPoll(later, policy, t0).nextPollAt).toBe(t0 + policy.maxRetryAfter);
  });

  it("emits the first snapshot and every change, never an unchanged one, and does not touch its input", () => {
    const begun = frozen(firstPoll(initialEngineState({ monitorUrl, now: t0 }), policy, t0).state);
    const first = step(begun, { type: "answer", answer: answer("running", t0) }, policy, t0);
    expect(first).toMatchObject({ changed: true, emit: { status: "running" }, nextPollAt: t0 + 1000 });
    const same = step(
      frozen(first.state),
      { type: "answer", answer: answer("running", t0 + 1000) },
      policy,
      t0 + 1000,
    );
    expect(same.changed).toBe(false);
    expect(same.emit).toBeUndefined();
    expect(same.state.attempt).toBe(2);
    const moved = {
      ...answer("running", t0 + 2000),
      operation: operation("running", { percentComplete: 40 }),
    };
    const progressed = step(same.state, { type: "answer", answer: moved }, policy, t0 + 2000);
    expect(progressed.emit?.percentComplete).toBe(40);
  });

  it("decides in place with `advance` exactly what `step` decides on a copy, through answers and failures", () => {
    const readings: [number, Parameters<typeof step>[1]][] = [
      [t0, { type: "answer", answer: answer("running", t0) }],
      [t0 + 1000, { type: "failure", error: throttled(2000) }],
      [t0 + 3000, { type: "failure", error: broken() }],
      [t0 + 4000, { type: "answer", answer: { ...answer("running", t0 + 4000), retryAfterMs: 700 } }],
      ...[5, 6, 7, 8].map((second): [number, Parameters<typeof step>[1]] => [
        t0 + second * 1000,
        {
          type: "answer",
          answer: {
            ...answer("running", t0 + second * 1000),
            operation: operation("running", { percentComplete: second * 10 }),
          },
        },
      ]),
      [t0 + 9000, { type: "answer", answer: answer("succeeded", t0 + 9000) }],
    ];
    let stepped = firstPoll(initialEngineState({ monitorUrl, now: t0 }), policy, t0).state;
    const owned = copyEngineState(stepped);
    let samplesArray = owned.samples;
    for (const [now, reading] of readings) {
      const pure = step(frozen(stepped), reading, policy, now);
      const inPlace = advance(owned, reading, policy, now);
      // The same decision; `advance` returns the very state it was given, its samples array kept once it
      // holds three (below that, a new array of exactly the samples kept).
      expect(inPlace).toEqual(pure);
      expect(inPlace.state).toBe(owned);
      if (samplesArray.length >= 3) expect(owned.samples).toBe(samplesArray);
      samplesArray = owned.samples;
      expect(owned.samples.length).toBeLessThanOrEqual(3);
      stepped = pure.state;
    }
    expect(owned.attempt).toBe(7);
    expect("trouble" in owned).toBe(false);
    expect("retryAfterMs" in owned).toBe(false);
  });

  it("ends on succeeded, and on failed with OperationFailedError", () => {
    const done = step(
      running(),
      { type: "answer", answer: answer("succeeded", t0 + 1000) },
      policy,
      t0 + 1000,
    );
    expect(done.end).toEqual({ outcome: "succeeded", operation: operation("succeeded") });
    expect(done.nextPollAt).toBeUndefined();
    const failed = step(
      running(),
      { type: "answer", answer: answer("failed", t0 + 1000) },
      policy,
      t0 + 1000,
    );
    expect(failed.end?.outcome).toBe("failed");
    expect(OperationFailedError.isInstance(failed.end?.outcome === "failed" && failed.end.error)).toBe(true);
  });

  it("never counts throttling toward maxRetries and follows each Retry-After exactly", () => {
    const strict = createEnginePolicy({ maxRetries: 0, random: () => 0.999 });
    let result: StepResult = { state: running(), changed: false };
    let now = t0;
    const nextPolls: number[] = [];
    for (let poll = 0; poll < 25; poll += 1) {
      now += 1000;
      result = step(result.state, { type: "failure", error: throttled(1000) }, strict, now);
      nextPolls.push(result.nextPollAt! - now);
      expect(result.end).toBeUndefined();
      // Only the first throttled answer changes what a follower sees (the trouble begins).
      expect(result.changed).toBe(poll === 0);
    }
    expect(nextPolls).toEqual(Array.from({ length: 25 }, () => 1000));
    expect(result.state.failures).toBe(0);
    expect(result.state.trouble).toMatchObject({
      kind: "throttled",
      since: t0 + 1000,
      polls: 25,
      httpStatus: 429,
    });
    const after = step(
      result.state,
      { type: "answer", answer: answer("succeeded", now + 1000) },
      strict,
      now + 1000,
    );
    expect(after.end?.outcome).toBe("succeeded");
    expect(after.state.trouble).toBeUndefined();
  });

  it("counts a 503 without Retry-After as throttling too, backing off since the server gave no delay", () => {
    const error = new UpstreamHttpError({ url: monitorUrl, httpStatus: 503, transient: true });
    const result = step(
      running(),
      { type: "failure", error },
      createEnginePolicy({ maxRetries: 0, random: () => 0.5 }),
      t0,
    );
    expect(result).toMatchObject({
      reason: "backoff",
      state: { failures: 0, trouble: { kind: "throttled" } },
    });
  });

  it("shows an unreachable monitor while it lasts, backs off, and ends `exhausted` after maxRetries", () => {
    const limited = createEnginePolicy({ maxRetries: 2, random: () => 0.5 });
    const one = step(
      running(),
      { type: "failure", error: new TransportError({ url: monitorUrl, method: "GET" }) },
      limited,
      t0 + 1000,
    );
    expect(one).toMatchObject({
      changed: true,
      reason: "backoff",
      state: { failures: 1, trouble: { kind: "unreachable", code: "transport", polls: 1 } },
    });
    expect(one.state.trouble).not.toHaveProperty("httpStatus");
    const two = step(one.state, { type: "failure", error: broken() }, limited, t0 + 2000);
    expect(two).toMatchObject({
      changed: false,
      state: { failures: 2, trouble: { since: t0 + 1000, polls: 2, httpStatus: 502 } },
    });
    const three = step(two.state, { type: "failure", error: broken() }, limited, t0 + 3000);
    expect(three.end).toMatchObject({ outcome: "exhausted" });
    // An answer in between starts the count again and says the trouble is over.
    const back = step(
      two.state,
      { type: "answer", answer: answer("running", t0 + 3000) },
      limited,
      t0 + 3000,
    );
    expect(back).toMatchObject({ changed: true, state: { failures: 0 } });
    expect(back.state.trouble).toBeUndefined();
  });

  it("ends at once, `rejected`, on a failure polling again cannot help", () => {
    const error = new OperationNotFoundError({ monitorUrl, httpStatus: 404 });
    expect(step(running(), { type: "failure", error }, policy, t0).end).toEqual({
      outcome: "rejected",
      error,
    });
    const forbidden = new UpstreamHttpError({ url: monitorUrl, httpStatus: 400, transient: false });
    expect(step(running(), { type: "failure", error: forbidden }, policy, t0).end?.outcome).toBe("rejected");
  });

  it("ends at the deadline with PollTimeoutError, whatever the reading, and says when to wake for it", () => {
    const state = running({ deadline: t0 + 5000 });
    expect(nextWake({ ...state, nextPollAt: t0 + 9000 })).toEqual({ at: t0 + 5000, action: "deadline" });
    expect(nextWake({ ...state, nextPollAt: t0 + 1000 })).toEqual({ at: t0 + 1000, action: "poll" });
    const late = step(state, { type: "answer", answer: answer("running", t0 + 6000) }, policy, t0 + 6000);
    expect(late.end?.outcome).toBe("deadline");
    expect(PollTimeoutError.isInstance(late.end?.outcome === "deadline" && late.end.error)).toBe(true);
    expect(step(state, { type: "failure", error: throttled(1000) }, policy, t0 + 5000).end?.outcome).toBe(
      "deadline",
    );
    expect(step(state, { type: "deadline" }, policy, t0 + 5000).end?.outcome).toBe("deadline");
    // An end upstream wins over the deadline.
    const done = step(state, { type: "answer", answer: answer("succeeded", t0 + 6000) }, policy, t0 + 6000);
    expect(done.end?.outcome).toBe("succeeded");
  });

  it("backs an unchanging monitor without Retry-After off to maxDelay, and keeps a Retry-After exact", () => {
    let state = running();
    let now = t0;
    let polls = 0;
    while (now < t0 + 3_600_000) {
      now = state.nextPollAt;
      state = step(state, { type: "answer", answer: answer("running", now) }, policy, now).state;
      polls += 1;
    }
    // At 1 s it would be 3,600 polls; the delay grows with the time unchanged, up to maxDelay.
    expect(polls).toBeLessThan(100);
    expect(state.nextPollAt - now).toBe(policy.maxDelay);
    const asked = step(
      state,
      { type: "answer", answer: answer("running", now, { retryAfterMs: 2000 }) },
      policy,
      now,
    );
    expect(asked).toMatchObject({ reason: "retry-after", nextPollAt: now + 2000 });
  });

  it("keeps its whole state as plain JSON: the resume token, read back equal; version 1 upgraded", () => {
    const throttledState = step(
      running({ deadline: t0 + 60_000 }),
      { type: "failure", error: throttled(2000) },
      policy,
      t0 + 1000,
    ).state;
    const json = JSON.parse(JSON.stringify(throttledState)) as unknown;
    expect(engineStateSchema.parse(json)).toEqual(throttledState);
    const old = { version: 1, monitorUrl, samples: [], attempt: 2, nextPollAt: t0 };
    expect(storedEngineStateSchema.parse(old)).toEqual({ ...old, version: 2, failures: 0 });
  });
});
