import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("eDiscovery search estimates (security.caseOperation)", () => {
  it("answers 202 with Location and reports percentProgress up to succeeded", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const started = await test.post(
      "/v1.0/security/cases/ediscoveryCases/case-1/searches/s-1/estimateStatistics",
    );
    expect(started.status).toBe(202);
    const monitor = test.monitorOf(started);
    expect(monitor).toMatch(
      new RegExp(`^${test.simulator.url}/v1.0/security/cases/ediscoveryCases/case-1/operations/[^/]+$`),
    );
    test.advance(50);
    expect((await test.get(monitor)).json).toMatchObject({
      "@odata.type": "#microsoft.graph.security.ediscoveryEstimateOperation",
      action: "estimateStatistics",
      status: "running",
      percentProgress: 50,
      completedDateTime: null,
    });
    test.advance(50);
    const done = (await test.get(monitor)).json as Record<string, unknown>;
    expect(done).toMatchObject({ status: "succeeded", percentProgress: 100, resultInfo: null });
    expect(done["completedDateTime"]).toEqual(expect.any(String));
  });

  it("reports a failure in resultInfo, and 404 under another case", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 10, outcome: "failed" } });
    const started = await test.post(
      "/beta/security/cases/ediscoveryCases/case-2/searches/s/estimateStatistics",
    );
    test.advance(10);
    const monitor = test.monitorOf(started);
    expect((await test.get(monitor)).json).toMatchObject({ status: "failed", resultInfo: { code: 500 } });
    expect((await test.get(monitor.replace("case-2", "case-3"))).status).toBe(404);
  });
});
