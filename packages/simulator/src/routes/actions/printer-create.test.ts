import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("printer create (printerCreateOperation)", () => {
  it("answers 202 with Operation-Location and Retry-After: 5, and a status object {state, description}", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const started = await test.post("/v1.0/print/printers/create", { body: { displayName: "Lobby" } });
    expect(started.status).toBe(202);
    expect(started.headers.get("retry-after")).toBe("5");
    const monitor = started.headers.get("operation-location") ?? "";
    expect(monitor).toMatch(new RegExp(`^${test.simulator.url}/v1.0/print/operations/`));
    const running = await test.get(monitor);
    expect(running.json).toMatchObject({
      status: { state: "running", description: "Registering the printer." },
    });
    expect(running.json).not.toHaveProperty("printer");
    test.advance(100);
    const done = await test.get(monitor);
    expect(done.json).toMatchObject({ status: { state: "succeeded" }, printer: { displayName: "Lobby" } });
  });

  it("lets the scenario change Retry-After and describes a failure", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/print/printers/create", {
      scenario: { retryAfterSeconds: 0.25, durationMs: 10, outcome: "failed" },
    });
    expect(started.headers.get("retry-after")).toBe("0.25");
    test.advance(10);
    const failed = await test.get(test.monitorOf(started));
    expect(failed.json).toMatchObject({
      status: { state: "failed", description: expect.stringContaining("failed") },
    });
  });
});
