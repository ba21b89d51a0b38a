import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("team clone, archive and create (teamsAsyncOperation)", () => {
  it("answers a clone with a relative OData Location, text/plain and no body, and runs to succeeded", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 200 } });
    const started = await test.post("/v1.0/teams/source-team/clone", { body: { displayName: "Copy" } });
    expect(started.status).toBe(202);
    expect(started.headers.get("content-type")).toBe("text/plain");
    expect(started.headers.get("content-length")).toBe("0");
    expect(started.text).toBe("");
    const location = started.headers.get("location") ?? "";
    const [, teamId, operationId] = /^\/teams\('([^']+)'\)\/operations\('([^']+)'\)$/.exec(location) ?? [];
    expect(teamId).toBeDefined();
    expect(teamId).not.toBe("source-team");

    const running = await test.get(test.monitorOf(started));
    expect(running.json).toMatchObject({
      id: operationId,
      operationType: "cloneTeam",
      status: "inProgress",
      attemptsCount: 1,
      targetResourceId: teamId,
      targetResourceLocation: `/groups('${teamId}')/team`,
      error: null,
    });
    test.advance(200);
    const slashForm = await test.get(`${test.simulator.url}/v1.0/teams/${teamId}/operations/${operationId}`);
    expect(slashForm.json).toMatchObject({ status: "succeeded" });
    const betaForm = await test.get(
      `${test.simulator.url}/beta/teams('${teamId}')/operations('${operationId}')`,
    );
    expect(betaForm.json).toMatchObject({ status: "succeeded" });
  });

  it("archives the same team and reports a failure with an operationError", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/teams/team-1/archive", {
      scenario: {
        durationMs: 30,
        outcome: "failed",
        error: { code: "TeamUnavailable", message: "The team was not found." },
      },
    });
    expect(started.headers.get("location")).toMatch(/^\/teams\('team-1'\)\/operations\('[^']+'\)$/);
    test.advance(30);
    const failed = await test.get(test.monitorOf(started));
    expect(failed.json).toMatchObject({
      operationType: "archiveTeam",
      status: "failed",
      error: { code: "TeamUnavailable", message: "The team was not found." },
    });
  });

  it("creates a team with Content-Location naming the new team", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/teams", { body: { displayName: "New" } });
    const teamId = /\('([^']+)'\)/.exec(started.headers.get("location") ?? "")?.[1];
    expect(started.headers.get("content-location")).toBe(`/teams('${teamId}')`);
    const first = await test.get(test.monitorOf(started));
    expect(first.json).toMatchObject({ operationType: "createTeam", targetResourceId: teamId });
  });

  it("answers 404 when the monitor path names another team", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/teams/team-1/archive");
    const operationId = /operations\('([^']+)'\)/.exec(started.headers.get("location") ?? "")?.[1];
    const answer = await test.get(`${test.simulator.url}/v1.0/teams('team-2')/operations('${operationId}')`);
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ error: { code: "itemNotFound" } });
  });
});
