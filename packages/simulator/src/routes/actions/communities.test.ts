import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("community create (engagementAsyncOperation)", () => {
  it("answers 202 with an OData-key Operation-Location, served in both key and slash form", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const started = await test.post("/v1.0/employeeExperience/communities", {
      body: { displayName: "Gardening" },
    });
    const monitor = started.headers.get("operation-location") ?? "";
    const id = new RegExp(
      `^${test.simulator.url}/v1\\.0/employeeExperience/engagementAsyncOperations\\('([^']+)'\\)$`,
    ).exec(monitor)?.[1];
    expect(id).toBeDefined();
    const running = await test.get(monitor);
    expect(running.json).toMatchObject({ id, status: "running", operationType: "createCommunity" });
    test.advance(100);
    const done = await test.get(
      `${test.simulator.url}/v1.0/employeeExperience/engagementAsyncOperations/${id}`,
    );
    const { resourceId, resourceLocation } = done.json as { resourceId: string; resourceLocation: string };
    expect(done.json).toMatchObject({ status: "succeeded", statusDetail: null });
    expect(resourceLocation).toBe(
      `${test.simulator.url}/v1.0/employeeExperience/communities('${resourceId}')`,
    );
  });
});
