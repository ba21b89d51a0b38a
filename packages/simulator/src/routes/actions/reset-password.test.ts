import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("resetPassword (longRunningOperation)", () => {
  it("answers 202 with a Location that carries a routing query, and the monitor answers despite it", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const started = await test.post(
      "/v1.0/users/user-1/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword",
    );
    const monitor = test.monitorOf(started);
    expect(monitor).toMatch(
      new RegExp(
        `^${test.simulator.url}/v1\\.0/users/user-1/authentication/operations/[0-9a-f-]{36}\\?aadgdc=DUB02P&aadgsu=ssprprod-a$`,
      ),
    );
    const running = await test.get(monitor);
    expect(running.json).toMatchObject({ status: "running", statusDetail: null, resourceLocation: "" });
    test.advance(100);
    const done = await test.get(monitor);
    expect(done.json).toMatchObject({
      status: "succeeded",
      resourceLocation: `${test.simulator.url}/v1.0/users/user-1/authentication/passwordMethods/28c10230-6103-485e-b985-444c60001490`,
    });
  });

  it("reports a failure in statusDetail", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/me/authentication/methods/m/resetPassword", {
      scenario: { durationMs: 5, outcome: "failed", error: { code: "passwordPolicy", message: "Too weak." } },
    });
    test.advance(5);
    expect((await test.get(test.monitorOf(started))).json).toMatchObject({
      status: "failed",
      statusDetail: "Too weak.",
    });
  });
});
