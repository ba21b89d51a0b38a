import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("exportPersonalData (dataPolicyOperation)", () => {
  it("answers 202 with Location and Retry-After: 60, and ends with status complete", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const storageLocation = "https://contoso.blob.core.windows.net/exports";
    const started = await test.post("/v1.0/users/user-1/exportPersonalData", { body: { storageLocation } });
    expect(started.status).toBe(202);
    expect(started.headers.get("retry-after")).toBe("60");
    const monitor = test.monitorOf(started);
    expect(monitor).toMatch(new RegExp(`^${test.simulator.url}/v1.0/dataPolicyOperations/`));
    test.advance(30);
    const running = await test.get(monitor);
    expect(running.json).toMatchObject({
      status: "running",
      progress: 30,
      completedDateTime: null,
      userId: "user-1",
    });
    test.advance(70);
    const done = await test.get(monitor);
    expect(done.json).toMatchObject({ status: "complete", progress: 100, storageLocation });
    expect((done.json as { completedDateTime: string }).completedDateTime).toMatch(/Z$/);
  });

  it("takes Retry-After from the scenario, as an HTTP-date when asked", async () => {
    const test = await startTestSimulator();
    const body = { storageLocation: "https://contoso.blob.core.windows.net/exports" };
    const started = await test.post("/v1.0/users/u/exportPersonalData", {
      body,
      scenario: { retryAfterSeconds: 2, retryAfterFormat: "http-date" },
    });
    const retryAfter = Date.parse(started.headers.get("retry-after") ?? "");
    expect(retryAfter - test.now()).toBe(2000);
    expect(Date.parse(started.headers.get("date") ?? "")).toBe(test.now());
  });

  it("needs a storageLocation", async () => {
    const test = await startTestSimulator();
    const answer = await test.post("/v1.0/users/u/exportPersonalData", { body: {} });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { message: expect.stringContaining("storageLocation") } });
  });
});
