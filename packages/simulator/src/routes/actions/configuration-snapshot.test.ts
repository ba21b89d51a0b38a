import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("configuration snapshots (configurationSnapshotJob)", () => {
  it("answers 200 with the job not started yet, served at configurationSnapshotJobs/{id} until it succeeds", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100, notStartedMs: 20 } });
    const started = await test.post(
      "/beta/admin/configurationManagement/configurationSnapshots/createSnapshot",
      {
        body: {
          displayName: "Baseline",
          description: "weekly",
          resources: ["microsoft.exchange.sharedmailbox"],
        },
      },
    );
    expect(started.status).toBe(200);
    const job = started.json as Record<string, unknown>;
    expect(job).toMatchObject({
      "@odata.type": "#microsoft.graph.configurationSnapshotJob",
      displayName: "Baseline",
      status: "notStarted",
      resources: ["microsoft.exchange.sharedmailbox"],
      errorDetails: [],
    });
    const monitor = `${test.simulator.url}/beta/admin/configurationManagement/configurationSnapshotJobs/${String(job["id"])}`;
    test.advance(60);
    expect((await test.get(monitor)).json).toMatchObject({ status: "running", resourceLocation: null });
    test.advance(60);
    const done = (await test.get(monitor)).json as Record<string, unknown>;
    expect(done).toMatchObject({ status: "succeeded" });
    expect(done["resourceLocation"]).toMatch(/\/configurationSnapshots\//);
  });

  it("lists why it failed in errorDetails", async () => {
    const test = await startTestSimulator({
      defaults: { durationMs: 10, outcome: "failed", error: { code: "accessDenied", message: "no access" } },
    });
    const started = await test.post(
      "/v1.0/admin/configurationManagement/configurationSnapshots/createSnapshot",
      {
        body: { displayName: "x" },
      },
    );
    const id = String((started.json as Record<string, unknown>)["id"]);
    test.advance(10);
    const answer = await test.get(
      `${test.simulator.url}/v1.0/admin/configurationManagement/configurationSnapshotJobs/${id}`,
    );
    expect(answer.json).toMatchObject({ status: "failed", errorDetails: ["no access"] });
  });
});
