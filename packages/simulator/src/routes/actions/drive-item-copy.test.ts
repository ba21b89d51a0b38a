import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("driveItem copy (asyncJobStatus on the second origin)", () => {
  it("points Location at the monitor origin, answers 202 while working and 303 to the new item at the end", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const started = await test.post("/v1.0/drives/drive-1/items/item-1/copy", {
      body: { parentReference: { driveId: "drive-2", id: "folder-1" }, name: "copy.docx" },
    });
    expect(started.status).toBe(202);
    const monitor = test.monitorOf(started);
    expect(monitor).toMatch(new RegExp(`^${test.simulator.monitorUrl}/_api/v2\\.0/monitor/[0-9A-F-]{36}$`));

    test.advance(25);
    const working = await test.get(monitor);
    expect(working.status).toBe(202);
    expect(working.json).toEqual({ operation: "ItemCopy", percentageComplete: 25, status: "inProgress" });

    test.advance(75);
    const done = await test.get(monitor);
    expect(done.status).toBe(303);
    const itemUrl = done.headers.get("location") ?? "";
    expect(itemUrl).toMatch(new RegExp(`^${test.simulator.url}/v1\\.0/drives/drive-2/items/01[A-Z2-7]{32}$`));
    const item = await test.get(itemUrl);
    expect(item.status).toBe(200);
    expect(item.json).toMatchObject({
      name: "copy.docx",
      parentReference: { driveId: "drive-2", id: "folder-1" },
    });
  });

  it("answers 200 with resourceId at the end when copyCompletion is body", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/drives/d/items/i/copy", {
      scenario: { durationMs: 10, copyCompletion: "body" },
    });
    test.advance(10);
    const done = await test.get(test.monitorOf(started));
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: "completed", percentageComplete: 100 });
    expect((done.json as { resourceId: string }).resourceId).toMatch(/^01[A-Z2-7]{32}$/);
  });

  it("reports a failure with 200 and an error", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/drives/d/items/i/copy", {
      scenario: { durationMs: 10, outcome: "failed" },
    });
    test.advance(10);
    const failed = await test.get(test.monitorOf(started));
    expect(failed.status).toBe(200);
    expect(failed.json).toMatchObject({ status: "failed", error: { code: "generalException" } });
  });

  it("records whether a request to the monitor origin carried an Authorization header", async () => {
    const test = await startTestSimulator();
    const clean = await test.post("/v1.0/drives/d/items/a/copy");
    const leaky = await test.post("/v1.0/drives/d/items/b/copy");
    await test.get(test.monitorOf(clean));
    await test.get(test.monitorOf(leaky));
    await test.get(test.monitorOf(leaky), { authorization: "Bearer secret" });
    await test.get(test.monitorOf(leaky));
    const records = new Map(test.simulator.operations().map((record) => [record.monitorUrl, record]));
    expect(records.get(test.monitorOf(clean))).toMatchObject({ authorizationSeen: false, polls: 1 });
    expect(records.get(test.monitorOf(leaky))).toMatchObject({ authorizationSeen: true, polls: 3 });
  });

  it("answers 405 to other methods on the monitor and 404 to unknown monitors or items", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/v1.0/drives/d/items/i/copy");
    const deleted = await fetch(test.monitorOf(started), { method: "DELETE" });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get("allow")).toBe("GET");
    expect(await deleted.json()).toMatchObject({ error: { code: "methodNotAllowed" } });
    expect((await test.get(`${test.simulator.monitorUrl}/_api/v2.0/monitor/unknown`)).status).toBe(404);
    expect((await test.get(`${test.simulator.monitorUrl}/elsewhere`)).status).toBe(404);
    expect((await test.get(`${test.simulator.url}/v1.0/drives/d/items/unknown`)).status).toBe(404);
  });
});
