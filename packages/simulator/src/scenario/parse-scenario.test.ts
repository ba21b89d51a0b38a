import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeScenario } from "./merge-scenario.js";
import { parseScenario, parseScenarioHeader } from "./parse-scenario.js";
import { baseScenario, type ScenarioOptions } from "./scenario.js";

const validScenario: fc.Arbitrary<ScenarioOptions> = fc.record(
  {
    durationMs: fc.nat(),
    notStartedMs: fc.nat(),
    progress: fc.constantFrom("linear", "steps", "ease", "none"),
    outcome: fc.constantFrom("succeeded", "failed"),
    failureRate: fc.double({ min: 0, max: 1, noNaN: true }),
    retryAfterSeconds: fc.double({ min: 0, max: 100, noNaN: true }),
    retryAfterFormat: fc.constantFrom("seconds", "http-date"),
    immediate: fc.boolean(),
    copyCompletion: fc.constantFrom("seeOther", "body"),
    throttle: fc.record({
      status: fc.constantFrom(429, 503),
      count: fc.nat(5),
      retryAfterSeconds: fc.nat(3),
    }),
    malformed: fc.record({ from: fc.integer({ min: 1, max: 5 }), count: fc.nat(5) }),
    monitorError: fc.record({ status: fc.constantFrom(401, 403, 404, 500) }),
    futureStatus: fc.record({ value: fc.string({ minLength: 1 }), durationMs: fc.nat() }),
  },
  { requiredKeys: [] },
);

describe("parseScenario", () => {
  it("accepts every well-formed scenario as it is", () => {
    fc.assert(
      fc.property(validScenario, (scenario) => {
        expect(parseScenario(scenario)).toEqual({ success: true, data: scenario });
      }),
    );
  });

  it("never throws, whatever JSON it is given", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseScenario(value);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  it("names every bad field, what it should be and what it received", () => {
    const result = parseScenario({
      durationMs: -5,
      throttle: { count: 2 },
      slow: { delayMs: 10, speed: 1 },
      colour: "red",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toEqual([
      'unknown option "colour" (known: durationMs, notStartedMs, progress, outcome, failureRate, error, retryAfterSeconds, monitorRetryAfterSeconds, retryAfterFormat, immediate, copyCompletion, throttle, malformed, drop, slow, monitorError, futureStatus)',
      '"durationMs" must be a number >= 0 (received -5)',
      '"throttle.status" is required',
      'unknown option "slow.speed" (known: from, count, delayMs)',
    ]);
    expect(result.error.code).toBe("invalidScenario");
  });

  it("refuses anything but an object", () => {
    const result = parseScenario([1, 2], "the defaults");
    expect(result.success || result.error.message).toBe(
      'the defaults is not a valid scenario: expected a JSON object such as {"durationMs": 200}, received [1,2]',
    );
  });
});

describe("parseScenarioHeader", () => {
  it("explains that text which is not JSON must be JSON", () => {
    const result = parseScenarioHeader("durationMs=5");
    expect(result.success || result.error.message).toMatch(
      /^header x-simulator-scenario is not a valid scenario: it is not JSON \(.+\); send e\.g\. \{"durationMs": 200/,
    );
  });
});

describe("mergeScenario", () => {
  it("lays the override over the base and lets the more specific layer decide the outcome", () => {
    const base = mergeScenario(baseScenario, { durationMs: 50, failureRate: 0.3 });
    expect(base).toMatchObject({ durationMs: 50, failureRate: 0.3, progress: "linear" });
    const explicit = mergeScenario(base, { outcome: "failed" });
    expect(explicit.outcome).toBe("failed");
    expect(explicit).not.toHaveProperty("failureRate");
    const random = mergeScenario(mergeScenario(baseScenario, { outcome: "failed" }), { failureRate: 0.1 });
    expect(random).not.toHaveProperty("outcome");
  });
});
