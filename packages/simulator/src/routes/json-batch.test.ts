import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../test-support/test-simulator.js";

interface BatchAnswer {
  responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[];
}

describe("JSON batching ($batch)", () => {
  it("answers each inner request as the origin would, under the batch's version, with Graph's header names", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 200 } });
    const answer = await test.post("/beta/$batch", {
      body: {
        requests: [
          { id: "clone", method: "POST", url: "/teams/source-team/clone", body: { displayName: "Copy" } },
          {
            id: "copy",
            method: "POST",
            url: "drives/d1/items/i1/copy",
            headers: { "content-type": "application/json" },
            body: { name: "copy.txt" },
          },
          { id: "missing", method: "GET", url: "/me/unknown" },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    const { responses } = answer.json as BatchAnswer;
    expect(responses.map((response) => [response.id, response.status])).toEqual([
      ["clone", 202],
      ["copy", 202],
      ["missing", 404],
    ]);
    const [clone, copy, missing] = responses;
    expect(clone?.headers["Location"]).toMatch(/^\/teams\('[\w-]+'\)\/operations\('[\w-]+'\)$/);
    expect(clone?.headers["Content-Type"]).toBe("text/plain");
    expect(clone?.body).toBeUndefined();
    expect(copy?.headers["Location"]).toMatch(
      new RegExp(`^${test.simulator.monitorUrl}/_api/v2\\.0/monitor/`),
    );
    expect(missing?.body).toMatchObject({ error: { code: "ResourceNotFound" } });
    expect(JSON.stringify(missing?.body)).toContain("GET /beta/me/unknown");
    // The inner operations are real: their monitors answer, under the batch's version.
    const operations = test.simulator.operations();
    expect(operations.map((operation) => operation.action)).toEqual(["team.clone", "driveItem.copy"]);
    expect(operations[0]?.monitorUrl).toMatch(new RegExp(`^${test.simulator.url}/beta/teams`));
    const monitor = await test.get(`${test.simulator.url}/beta${clone?.headers["Location"] ?? ""}`);
    expect(monitor.json).toMatchObject({ status: "inProgress" });
  });

  it("gives every inner request the batch's headers (token, scenario, client-request-id) unless it names its own", async () => {
    const test = await startTestSimulator();
    const answer = await test.post("/v1.0/$batch", {
      scenario: { failureRate: 1, durationMs: 10 },
      headers: { authorization: "Bearer outer", "client-request-id": "outer-id" },
      body: {
        requests: [
          { id: "1", method: "POST", url: "/print/printers/create", body: {} },
          {
            id: "2",
            method: "POST",
            url: "/print/printers/create",
            headers: {
              "x-simulator-scenario": JSON.stringify({ failureRate: 0 }),
              "client-request-id": "own",
            },
            body: {},
          },
        ],
      },
    });
    const responses = (answer.json as BatchAnswer).responses;
    expect(responses.map((response) => response.headers["Client-Request-Id"])).toEqual(["outer-id", "own"]);
    expect(test.simulator.operations().map((operation) => operation.finalStatus)).toEqual([
      "failed",
      "succeeded",
    ]);
  });

  it("answers 424 to a request whose dependency failed", async () => {
    const test = await startTestSimulator();
    const answer = await test.post("/v1.0/$batch", {
      body: {
        requests: [
          { id: "1", method: "GET", url: "/nothing/here" },
          { id: "2", method: "POST", url: "/teams/t/archive", dependsOn: ["1"] },
        ],
      },
    });
    const responses = (answer.json as BatchAnswer).responses;
    expect(responses.map((response) => response.status)).toEqual([404, 424]);
    expect(test.simulator.operations()).toEqual([]);
  });

  it.each([
    [{ requests: "x" }, /must be \{ "requests"/],
    [
      { requests: Array.from({ length: 21 }, (_, index) => ({ id: `${index}`, method: "GET", url: "/me" })) },
      /at most 20/,
    ],
    [
      {
        requests: [
          { id: "1", method: "GET", url: "/a" },
          { id: "1", method: "GET", url: "/b" },
        ],
      },
      /used twice/,
    ],
    [{ requests: [{ id: "1", method: "GET", url: "https://elsewhere.example/v1.0/me" }] }, /relative URL/],
    [{ requests: [{ id: "1", method: "GET", url: "/a", dependsOn: ["2"] }] }, /not an earlier request/],
  ])("refuses a malformed batch %#", async (body, message) => {
    const test = await startTestSimulator();
    const answer = await test.post("/v1.0/$batch", { body });
    expect(answer.status).toBe(400);
    expect((answer.json as { error: { message: string } }).error.message).toMatch(message);
  });

  it("answers 405 to anything but POST", async () => {
    const test = await startTestSimulator();
    const answer = await test.get(`${test.simulator.url}/v1.0/$batch`);
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("POST");
  });
});
