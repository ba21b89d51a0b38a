import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe.each([
  {
    kind: "connectionOperation",
    method: "PATCH",
    path: "/v1.0/external/connections/contosohr/schema",
    monitor: /\/v1\.0\/external\/connections\/contosohr\/operations\/[^/]+$/,
    words: ["unspecified", "inprogress", "completed"],
  },
  {
    kind: "delegatedAdminRelationshipOperation",
    method: "PATCH",
    path: "/v1.0/tenantRelationships/delegatedAdminRelationships/rel-1/accessAssignments/aa-1",
    monitor: /\/v1\.0\/tenantRelationships\/delegatedAdminRelationships\/rel-1\/operations\/[^/]+$/,
    words: ["notStarted", "running", "succeeded"],
  },
  {
    kind: "teamworkDeviceOperation",
    method: "POST",
    path: "/beta/teamwork/devices/dev-1/restart",
    monitor: /\/beta\/teamwork\/devices\/dev-1\/operations\/[^/]+$/,
    words: ["Queued", "InProgress", "Successful"],
  },
  {
    kind: "approvalOperation",
    method: "POST",
    path: "/beta/solutions/approval/provision",
    monitor: /\/beta\/solutions\/approval\/operations\/[^/]+$/,
    words: ["scheduled", "inProgress", "succeeded"],
  },
  {
    kind: "mailFolderOperation",
    method: "POST",
    path: "/beta/me/mailFolders/inbox/updateAllMessagesReadState",
    monitor: /\/beta\/me\/mailFolders\/inbox\/operations\/[^/]+$/,
    words: ["notStarted", "running", "succeeded"],
  },
] as const)("$kind", ({ kind, method, path, monitor: address, words }) => {
  it(`answers 202 with Location and reports ${words.join(", ")}`, async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100, notStartedMs: 20 } });
    const started = await test.post(path, { method, body: {} });
    expect(started.status).toBe(202);
    const monitor = test.monitorOf(started);
    expect(monitor).toMatch(address);
    const seen: unknown[] = [];
    for (const step of [0, 60, 60]) {
      test.advance(step);
      seen.push(((await test.get(monitor)).json as { status: string }).status);
    }
    expect(seen).toStrictEqual(words);
    expect(test.simulator.operations()[0]).toMatchObject({ kind, rawFinalStatus: words[2] });
  });

  it("answers 404 for an operation of another flavour at its monitor path", async () => {
    const test = await startTestSimulator();
    const started = await test.post(path, { method, body: {} });
    expect((await test.get(`${test.monitorOf(started)}x`)).status).toBe(404);
  });
});

describe("the failures of these flavours", () => {
  it.each([
    ["PATCH", "/v1.0/external/connections/c/schema", { status: "failed", error: { code: "schemaConflict" } }],
    ["POST", "/beta/teamwork/devices/d/restart", { status: "Failed", error: { code: "schemaConflict" } }],
    ["POST", "/beta/solutions/approval/provision", { status: "failed", error: { code: "schemaConflict" } }],
  ] as const)("%s %s ends %j", async (method, path, expected) => {
    const test = await startTestSimulator({
      defaults: { durationMs: 10, outcome: "failed", error: { code: "schemaConflict", message: "taken" } },
    });
    const started = await test.post(path, { method, body: {} });
    test.advance(10);
    expect((await test.get(test.monitorOf(started))).json).toMatchObject(expected);
  });

  it("serves the beta-only actions on beta only", async () => {
    const test = await startTestSimulator();
    expect((await test.post("/v1.0/teamwork/devices/d/restart")).status).toBe(404);
  });
});
