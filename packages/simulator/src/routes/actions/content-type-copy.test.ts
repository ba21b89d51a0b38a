import { describe, expect, it } from "vitest";
import { startTestSimulator } from "../../test-support/test-simulator.js";

describe("content type copy from the hub (richLongRunningOperation)", () => {
  it("answers 202 with an absolute Location to the site's operation and runs to succeeded", async () => {
    const test = await startTestSimulator({ defaults: { durationMs: 100 } });
    const started = await test.post("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", {
      body: { contentTypeId: "0x0101009189AB5D3D2647B580F011DA2F356FB2" },
    });
    expect(started.status).toBe(202);
    const monitor = test.monitorOf(started);
    expect(monitor).toBe(
      `${test.simulator.url}/v1.0/sites/root/operations/contentTypeCopy,0x0101009189AB5D3D2647B580F011DA2F356FB2`,
    );

    test.advance(40);
    const running = await test.get(monitor);
    expect(running.status).toBe(200);
    expect(running.json).toMatchObject({
      id: "contentTypeCopy,0x0101009189AB5D3D2647B580F011DA2F356FB2",
      status: "running",
      type: "contentTypeCopy",
      percentageComplete: 40,
      resourceLocation: null,
    });

    test.advance(60);
    const done = await test.get(monitor);
    expect(done.json).toMatchObject({
      status: "succeeded",
      percentageComplete: 100,
      resourceId: "0x0101009189AB5D3D2647B580F011DA2F356FB2",
      resourceLocation: `${test.simulator.url}/v1.0/sites/root/contentTypes/0x0101009189AB5D3D2647B580F011DA2F356FB2`,
      error: null,
    });
    expect((done.json as { createdDateTime: string }).createdDateTime).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:]{8}\.\d{7}Z$/,
    );
  });

  it("serves a list's copy under /lists/{list}/operations and a failure with a publicError", async () => {
    const test = await startTestSimulator();
    const started = await test.post("/beta/sites/s1/lists/Documents/contentTypes/addCopyFromContentTypeHub", {
      scenario: {
        durationMs: 50,
        outcome: "failed",
        error: { code: "contentTypeMissing", message: "Not in the hub." },
      },
    });
    const monitor = test.monitorOf(started);
    expect(monitor).toMatch(
      new RegExp(`^${test.simulator.url}/beta/sites/s1/lists/Documents/operations/contentTypeCopy,0x0101`),
    );
    test.advance(50);
    const failed = await test.get(monitor);
    expect(failed.json).toMatchObject({
      status: "failed",
      statusDetail: "Not in the hub.",
      error: { code: "contentTypeMissing", message: "Not in the hub." },
    });
    const wrongList = await test.get(monitor.replace("/lists/Documents/", "/lists/Other/"));
    expect(wrongList.status).toBe(404);
  });

  it("answers 200 with the content type at once when the scenario is immediate", async () => {
    const test = await startTestSimulator();
    const answer = await test.post("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", {
      scenario: { immediate: true },
      body: { contentTypeId: "0x0101AB" },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: "0x0101AB", isBuiltIn: false });
    const [record] = test.simulator.operations();
    expect(record).toMatchObject({ monitorUrl: undefined, finalStatus: "succeeded", terminalAt: test.now() });
  });

  it("gives a second copy of the same content type its own operation id", async () => {
    const test = await startTestSimulator();
    const body = { contentTypeId: "0x0101CD" };
    const first = await test.post("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", { body });
    const second = await test.post("/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub", { body });
    expect(test.monitorOf(first)).not.toBe(test.monitorOf(second));
    expect(test.simulator.operations()).toHaveLength(2);
  });
});
