import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("attack simulation create (attackSimulationOperation)", () => {
  it("answers 202 with Location and reports percentageCompleted (that spelling) up to succeeded", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100, notStartedMs: 20 } });
    const started = await test.post("/beta/security/attackSimulation/simulations", {
      body: { displayName: "Drill" },
    });
    const monitor = test.monitorOf(started);
    expect(monitor).toMatch(new RegExp(`^${test.simulator.url}/beta/security/attackSimulation/operations/`));
    const queued = await test.get(monitor);
    expect(queued.json).toMatchObject({
      status: "notStarted",
      percentageCompleted: 0,
      type: "createSimulation",
    });
    expect(queued.json).not.toHaveProperty("percentageComplete");
    test.advance(70);
    expect((await test.get(monitor)).json).toMatchObject({ status: "running", percentageCompleted: 50 });
    test.advance(50);
    const done = await test.get(monitor);
    expect(done.json).toMatchObject({
      status: "succeeded",
      percentageCompleted: 100,
      statusDetail: "Simulation created",
    });
  });
});
