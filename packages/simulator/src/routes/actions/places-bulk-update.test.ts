import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

const places = {
  value: [1, 2, 3, 4].map((n) => ({ "@odata.type": "microsoft.graph.room", id: `room-${n}` })),
};

describe("bulk place updates (placeOperation)", () => {
  it("answers 202 with Location to getOperation(id='…') and reports place counts up to succeeded", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100, notStartedMs: 10 } });
    const started = await test.post("/beta/places", { method: "PATCH", body: places });
    expect(started.status).toBe(202);
    const monitor = test.monitorOf(started);
    expect(monitor).toMatch(new RegExp(`^${test.simulator.url}/beta/places/getOperation\\(id='[^']+'\\)$`));
    expect((await test.get(monitor)).json).toMatchObject({
      status: "created",
      progress: { totalPlaceCount: 4, succeededPlaceCount: 0, failedPlaceCount: 0 },
    });
    test.advance(60);
    expect((await test.get(monitor)).json).toMatchObject({
      status: "inProgress",
      progress: { totalPlaceCount: 4, succeededPlaceCount: 2, failedPlaceCount: 0 },
    });
    test.advance(50);
    expect((await test.get(monitor)).json).toMatchObject({
      status: "succeeded",
      progress: { totalPlaceCount: 4, succeededPlaceCount: 4, failedPlaceCount: 0 },
    });
  });

  it("counts the places left as failed when it fails, and is beta only", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 10, outcome: "failed" } });
    const started = await test.post("/beta/places", { method: "PATCH", body: places });
    test.advance(10);
    expect((await test.get(test.monitorOf(started))).json).toMatchObject({
      status: "failed",
      progress: { totalPlaceCount: 4, succeededPlaceCount: 3, failedPlaceCount: 1 },
    });
    expect((await test.post("/v1.0/places", { method: "PATCH", body: places })).status).toBe(404);
  });
});
