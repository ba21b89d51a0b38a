import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("OneNote copies (onenoteOperation and the older operation)", () => {
  it("answers a page copy with Operation-Location and percentComplete as a string, ending completed", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const started = await test.post("/beta/me/onenote/pages/page-1/copyToSection", {
      body: { id: "section-2" },
    });
    expect(started.status).toBe(202);
    expect(started.headers.get("location")).toBeNull();
    const monitor = started.headers.get("operation-location") ?? "";
    expect(monitor).toMatch(new RegExp(`^${test.simulator.url}/beta/me/onenote/operations/copy-`));

    test.advance(50);
    const running = await test.get(monitor);
    expect(running.json).toMatchObject({ status: "running", percentComplete: "50", resourceLocation: null });
    test.advance(50);
    const done = await test.get(monitor);
    expect(done.json).toMatchObject({ status: "completed", percentComplete: "100", error: null });
    const { resourceId, resourceLocation } = done.json as { resourceId: string; resourceLocation: string };
    expect(resourceLocation).toBe(`${test.simulator.url}/beta/me/onenote/pages/${resourceId}`);
  });

  it("answers a notebook copy of a group with the older operation shape: no percentage, no error", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/beta/groups/g1/onenote/notebooks/nb-1/copyNotebook", {
      scenario: { durationMs: 20, notStartedMs: 10 },
    });
    const monitor = test.monitorOf(started);
    const queued = await test.get(monitor);
    expect(queued.json).toMatchObject({ status: "notStarted" });
    test.advance(30);
    const done = await test.get(monitor);
    expect(Object.keys(done.json as object).sort()).toEqual([
      "createdDateTime",
      "id",
      "lastActionDateTime",
      "status",
    ]);
    expect(done.json).toMatchObject({ status: "completed" });
    expect(test.simulator.operations()[0]).toMatchObject({ kind: "operation", rawFinalStatus: "completed" });
  });

  it("refuses a copy action the collection does not offer", async () => {
    const test = await startTestSimulator();
    const answer = await test.post("/v1.0/me/onenote/pages/p/copyNotebook");
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      error: { message: "OneNote pages offer copyToSection, not copyNotebook." },
    });
  });
});
