import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../test-support/test-simulator.js";

describe("fault injection on monitor polls", () => {
  it("throttles the first N polls with 429 and Retry-After in Graph's envelope, then answers", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/teams/t/archive", {
      scenario: { throttle: { status: 429, count: 2, retryAfterSeconds: 0.05 } },
    });
    const monitor = test.monitorOf(started);
    for (const _ of [1, 2]) {
      const throttled = await test.get(monitor);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get("retry-after")).toBe("0.05");
      expect(throttled.json).toMatchObject({
        error: { code: "TooManyRequests", innerError: { "request-id": expect.any(String) } },
      });
    }
    expect((await test.get(monitor)).status).toBe(200);
    expect(test.simulator.operations()[0]?.polls).toBe(3);
  });

  it("answers 503 from a given poll on, with an HTTP-date Retry-After when the scenario asks", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/teams/t/archive", {
      scenario: {
        retryAfterFormat: "http-date",
        throttle: { status: 503, from: 2, count: 1, retryAfterSeconds: 3 },
      },
    });
    const monitor = test.monitorOf(started);
    expect((await test.get(monitor)).status).toBe(200);
    const unavailable = await test.get(monitor);
    expect(unavailable.status).toBe(503);
    expect(Date.parse(unavailable.headers.get("retry-after") ?? "") - test.now()).toBe(3000);
    expect((await test.get(monitor)).status).toBe(200);
  });

  it("sends malformed JSON bodies N times, even where the answer would have been a 303", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/drives/d/items/i/copy", {
      scenario: { durationMs: 0, malformed: { count: 2 } },
    });
    const monitor = test.monitorOf(started);
    for (const _ of [1, 2]) {
      const broken = await fetch(monitor, { redirect: "manual" });
      expect(broken.status).toBe(200);
      expect(broken.headers.get("content-type")).toBe("application/json");
      await expect(broken.json()).rejects.toThrow(SyntaxError);
    }
    expect((await test.get(monitor)).status).toBe(303);
  });

  it("drops the connection N times without an answer", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/print/printers/create", { scenario: { drop: { count: 1 } } });
    const monitor = test.monitorOf(started);
    await expect(fetch(monitor)).rejects.toThrow();
    expect((await test.get(monitor)).status).toBe(200);
    expect(test.simulator.requests()).toContainEqual({
      route: "monitor.printerCreateOperation",
      status: 0,
      count: 1,
    });
  });

  it("delays answers by delayMs", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/print/printers/create", {
      scenario: { slow: { delayMs: 1000, count: 1 } },
    });
    const monitor = test.monitorOf(started);
    const slowStart = performance.now();
    await test.get(monitor);
    expect(performance.now() - slowStart).toBeGreaterThanOrEqual(990);
    // Only the first answer is delayed. A local answer takes milliseconds; the margin is for a loaded machine.
    const fastStart = performance.now();
    await test.get(monitor);
    expect(performance.now() - fastStart).toBeLessThan(990);
  });

  it.each([
    [401, "unauthenticated"],
    [403, "accessDenied"],
    [404, "itemNotFound"],
  ] as const)("answers every poll with %i when the monitor error has no count", async (status, code) => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/users/u/exportPersonalData", {
      body: { storageLocation: "https://example.blob.core.windows.net/c" },
      scenario: { monitorError: { status } },
    });
    for (const _ of [1, 2, 3]) {
      const answer = await test.get(test.monitorOf(started));
      expect(answer.status).toBe(status);
      expect(answer.json).toMatchObject({ error: { code } });
    }
  });

  it("reports a status value from the future for a while before finishing", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/drives/d/items/i/copy", {
      scenario: {
        durationMs: 100,
        copyCompletion: "body",
        futureStatus: { value: "reticulating", durationMs: 40 },
      },
    });
    const monitor = test.monitorOf(started);
    test.advance(59);
    expect((await test.get(monitor)).json).toMatchObject({ status: "inProgress" });
    test.advance(1);
    const future = await test.get(monitor);
    expect(future.status).toBe(202);
    expect(future.json).toMatchObject({ status: "reticulating", percentageComplete: 60 });
    test.advance(40);
    expect((await test.get(monitor)).json).toMatchObject({ status: "completed" });
  });

  it("sends a future value of an evolvable enum as unknownFutureValue unless the client asks for new members", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/teams/t/archive", {
      scenario: { durationMs: 100, futureStatus: { value: "reticulating", durationMs: 100 } },
    });
    const monitor = test.monitorOf(started);
    const hidden = await test.get(monitor);
    expect(hidden.json).toMatchObject({ status: "unknownFutureValue" });
    expect(hidden.headers.get("preference-applied")).toBeNull();
    const shown = await test.get(monitor, { prefer: "include-unknown-enum-members" });
    expect(shown.json).toMatchObject({ status: "reticulating" });
    expect(shown.headers.get("preference-applied")).toBe("include-unknown-enum-members");
    const older = await test.post("/beta/me/onenote/pages/p/copyToSection", {
      scenario: { durationMs: 100, futureStatus: { value: "pausing", durationMs: 100 } },
    });
    expect((await test.get(test.monitorOf(older))).json).toMatchObject({ status: "pausing" });
  });

  it("adds Retry-After to monitor answers until the operation is terminal", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/teams/t/archive", {
      scenario: { durationMs: 10, monitorRetryAfterSeconds: 1.5 },
    });
    expect(started.headers.get("retry-after")).toBeNull();
    const monitor = test.monitorOf(started);
    expect((await test.get(monitor)).headers.get("retry-after")).toBe("1.5");
    test.advance(10);
    expect((await test.get(monitor)).headers.get("retry-after")).toBeNull();
  });
});
