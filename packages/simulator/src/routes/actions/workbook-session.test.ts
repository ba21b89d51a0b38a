import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("workbook createSession (workbookOperation)", () => {
  it("answers 201 at once without Prefer: respond-async", async () => {
    const test = await startTestSimulator();
    const answer = await test.post("/v1.0/me/drive/items/book-1/workbook/createSession", {
      body: { persistChanges: true },
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ persistChanges: true });
  });

  it("answers 202 with Prefer: respond-async and ends with a resourceLocation that serves the session", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const started = await test.post("/v1.0/drives/d1/items/book-1/workbook/createSession", {
      headers: { prefer: "respond-async" },
      body: { persistChanges: false },
    });
    expect(started.status).toBe(202);
    const monitor = test.monitorOf(started);
    expect(monitor).toMatch(
      new RegExp(`^${test.simulator.url}/v1.0/drives/d1/items/book-1/workbook/operations/`),
    );
    expect((await test.get(monitor)).json).toMatchObject({ status: "running", resourceLocation: null });
    test.advance(100);
    const done = await test.get(monitor);
    const { resourceLocation } = done.json as { resourceLocation: string };
    expect(done.json).toMatchObject({ status: "succeeded", error: null });
    const session = await test.get(resourceLocation);
    expect(session.status).toBe(200);
    expect(session.json).toMatchObject({ persistChanges: false });
  });

  it("reports a failure with a nested innerError", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/me/drive/items/b/workbook/createSession", {
      headers: { prefer: "respond-async" },
      scenario: {
        durationMs: 5,
        outcome: "failed",
        error: { code: "internalServerError", message: "No session." },
      },
    });
    test.advance(5);
    const failed = await test.get(test.monitorOf(started));
    expect(failed.json).toMatchObject({
      status: "failed",
      error: { code: "internalServerError", innerError: { code: "internalServerError" } },
    });
  });
});
