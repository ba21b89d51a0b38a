import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("call media actions (commsOperation)", () => {
  it("answers 200 with the running operation and its monitor in Location, then completed with resultInfo 200", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const started = await test.post("/v1.0/communications/calls/call-1/playPrompt", {
      body: { clientContext: "ctx-1", prompts: [] },
    });
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({
      "@odata.type": "#microsoft.graph.playPromptOperation",
      clientContext: "ctx-1",
      status: "running",
      resultInfo: null,
    });
    const monitor = test.monitorOf(started);
    expect(monitor).toBe(
      `${test.simulator.url}/v1.0/communications/calls/call-1/operations/${(started.json as { id: string }).id}`,
    );
    expect((await test.get(monitor)).json).toMatchObject({ status: "running" });
    test.advance(100);
    expect((await test.get(monitor)).json).toMatchObject({
      status: "completed",
      resultInfo: { code: 200, subcode: 8510 },
    });
    expect(test.simulator.operations()[0]).toMatchObject({
      kind: "commsOperation",
      rawFinalStatus: "completed",
    });
  });

  it("names the derived type of each action and fails with a resultInfo code of 500", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 50, outcome: "failed" } });
    const started = await test.post("/beta/communications/calls/call-2/recordResponse", { body: {} });
    expect(started.json).toMatchObject({ "@odata.type": "#microsoft.graph.recordOperation" });
    test.advance(50);
    const failed = await test.get(test.monitorOf(started));
    expect(failed.json).toMatchObject({ status: "failed", resultInfo: { code: 500 } });
    const other = test.monitorOf(started).replace("/calls/call-2/", "/calls/call-9/");
    expect((await test.get(other)).status).toBe(404);
  });
});
