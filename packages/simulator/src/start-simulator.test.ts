import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { SimulatorScenarioError } from "./scenario/scenario-error.js";
import { startSimulator } from "./start-simulator.js";
import { startTestSimulator } from "./test-support/test-simulator.js";

describe("startSimulator", () => {
  it("listens on two different origins on 127.0.0.1", async () => {
    const test = await startTestSimulator();
    expect(test.simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(test.simulator.monitorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(test.simulator.monitorUrl).not.toBe(test.simulator.url);
  });

  it("answers unknown paths with 404 in Graph's error envelope, and wrong methods with 405", async () => {
    const test = await startTestSimulator();
    const missing = await test.get(`${test.simulator.url}/v1.0/me/unknown`);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      error: {
        code: "ResourceNotFound",
        message: "No resource matches GET /v1.0/me/unknown on this simulator.",
        innerError: {
          "request-id": expect.any(String),
          "client-request-id": expect.any(String),
          date: "2026-01-05T09:30:00",
        },
      },
    });
    expect(missing.headers.get("request-id")).toBe(
      (missing.json as { error: { innerError: { "request-id": string } } }).error.innerError["request-id"],
    );
    expect((await test.get(`${test.simulator.url}/v2/teams`)).status).toBe(404);
    const started = await test.post("/v1.0/print/printers/create");
    const wrongMethod = await fetch(test.monitorOf(started), { method: "PATCH" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
    const getAction = await test.get(`${test.simulator.url}/v1.0/print/printers/create`);
    expect(getAction.status).toBe(405);
    expect(getAction.headers.get("allow")).toBe("POST");
  });

  it("rejects a scenario header that is not JSON, or names a bad field, with a clear 400", async () => {
    const test = await startTestSimulator();
    const notJson = await test.post("/v1.0/teams/t/clone", { scenario: "{durationMs: 5}" });
    expect(notJson.status).toBe(400);
    expect(notJson.json).toMatchObject({
      error: {
        code: "invalidRequest",
        message: expect.stringMatching(
          /^header x-simulator-scenario is not a valid scenario: it is not JSON/,
        ),
      },
    });
    const badField = await test.post("/v1.0/teams/t/clone", {
      scenario: '{"progress": "quadratic", "durationMs": "5"}',
    });
    expect(badField.status).toBe(400);
    const { message } = (badField.json as { error: { message: string } }).error;
    expect(message).toContain(
      '"progress" must be one of "linear", "steps", "ease", "none" (received "quadratic")',
    );
    expect(message).toContain('"durationMs" must be a number >= 0 (received "5")');
    expect(test.simulator.operations()).toHaveLength(0);
  });

  it("answers a request body that is not JSON with 400", async () => {
    const test = await startTestSimulator();
    const response = await fetch(`${test.simulator.url}/v1.0/teams`, { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining("not valid JSON") },
    });
  });

  it("records each operation: kind, action, monitor, times, final status, polls and poll times", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 300, notStartedMs: 50 } });
    const createdAt = test.now();
    const started = await test.post("/v1.0/teams/t/clone");
    await test.get(test.monitorOf(started));
    test.advance(20);
    await test.get(test.monitorOf(started));
    expect(test.simulator.operations()).toEqual([
      {
        id: expect.any(String),
        kind: "teamsAsyncOperation",
        action: "team.clone",
        monitorUrl: test.monitorOf(started),
        createdAt,
        terminalAt: createdAt + 350,
        finalStatus: "succeeded",
        rawFinalStatus: "succeeded",
        polls: 2,
        pollTimes: [createdAt, createdAt + 20],
        authorizationSeen: false,
      },
    ]);
    const [record] = test.simulator.operations();
    expect(test.simulator.operation(record?.id ?? "")).toEqual(record);
    expect(test.simulator.requests()).toEqual([
      { route: "monitor.teamsAsyncOperation", status: 200, count: 2 },
      { route: "team.action", status: 202, count: 1 },
    ]);
  });

  it("keeps no poll times when recordPollTimes is false", async () => {
    const test = await startTestSimulator({ recordPollTimes: false });
    const started = await test.post("/v1.0/teams/t/archive");
    await test.get(test.monitorOf(started));
    expect(test.simulator.operations()[0]).toMatchObject({ polls: 1, pollTimes: [] });
  });

  it("draws outcomes from failureRate with a seeded generator: the same seed gives the same outcomes", async () => {
    const outcomes = async (seed: number): Promise<string[]> => {
      const test = await startTestSimulator({ seed, defaults: { failureRate: 0.5 } });
      for (let index = 0; index < 16; index += 1) await test.post("/v1.0/teams/t/archive");
      return test.simulator.operations().map((record) => record.finalStatus);
    };
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    expect(first).toContain("failed");
    expect(first).toContain("succeeded");
    expect(await outcomes(8)).not.toEqual(first);
  });

  it("lets an explicit outcome in the header beat a failureRate in the defaults", async () => {
    const test = await startTestSimulator({ defaults: { failureRate: 1 } });
    await test.post("/v1.0/teams/t/archive");
    await test.post("/v1.0/teams/t/archive", { scenario: { outcome: "succeeded" } });
    expect(test.simulator.operations().map((record) => record.finalStatus)).toEqual(["failed", "succeeded"]);
  });

  it("configure() changes the defaults, refuses bad ones, and reset() forgets operations and counters", async () => {
    const test = await startTestSimulator();
    test.simulator.configure({ durationMs: 5, outcome: "failed" });
    expect(() => test.simulator.configure({ durationMs: -1 })).toThrow(SimulatorScenarioError);
    expect(() => test.simulator.configure({ durationMs: -1 })).toThrow(
      'configure() is not a valid scenario: "durationMs"',
    );
    await test.post("/v1.0/teams/t/archive");
    expect(test.simulator.operations()[0]).toMatchObject({
      terminalAt: test.now() + 5,
      finalStatus: "failed",
    });
    test.simulator.reset();
    expect(test.simulator.operations()).toEqual([]);
    expect(test.simulator.requests()).toEqual([]);
    expect(test.simulator.defaults()).toMatchObject({ durationMs: 5, outcome: "failed" });
  });

  it("refuses bad defaults at start with a message naming the field", async () => {
    await expect(startSimulator({ defaults: { progress: "fast" as never } })).rejects.toThrow(
      /startSimulator\(\{ defaults \}\) is not a valid scenario: "progress" must be one of/,
    );
  });

  it("serves its records and defaults over HTTP under /_simulator for a simulator in another process", async () => {
    const test = await startTestSimulator();
    await test.post("/v1.0/teams/t/archive");
    const operations = await test.get(`${test.simulator.url}/_simulator/operations`);
    expect(operations.json).toMatchObject({ value: [{ kind: "teamsAsyncOperation" }] });
    const patched = await fetch(`${test.simulator.url}/_simulator/defaults`, {
      method: "PATCH",
      body: '{"durationMs": 7}',
    });
    expect(await patched.json()).toMatchObject({ durationMs: 7 });
    const refused = await fetch(`${test.simulator.url}/_simulator/defaults`, {
      method: "PATCH",
      body: '{"durationMs": "x"}',
    });
    expect(refused.status).toBe(400);
    const requests = await test.get(`${test.simulator.url}/_simulator/requests`);
    expect(requests.json).toMatchObject({ total: 4 });
    expect((await fetch(`${test.simulator.url}/_simulator/reset`, { method: "POST" })).status).toBe(204);
    expect(test.simulator.operations()).toEqual([]);
  });

  it("keeps connections alive and close() ends them at once", async () => {
    const simulator = await startSimulator();
    const socketClosed = new Promise<void>((resolve) => {
      const outgoing = request(`${simulator.url}/v1.0/teams/t/archive`, {
        method: "POST",
        agent: false,
        headers: { connection: "keep-alive" },
      });
      outgoing.on("response", (response) => {
        expect(response.headers["keep-alive"]).toBe("timeout=65");
        response.resume();
        response.socket.once("close", () => resolve());
        void simulator.close();
      });
      outgoing.end();
    });
    await socketClosed;
  });
});
