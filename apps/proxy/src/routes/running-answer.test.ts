import { describe, expect, it } from "vitest";
import { rawRequest, testApiKey } from "../lifecycle/test-support/test-proxy.js";
import { useProxiesOnSimulator } from "../lifecycle/test-support/proxies-on-simulator.js";

const key = { "x-api-key": testApiKey };

const servers = useProxiesOnSimulator(
  { defaults: { durationMs: 200 } },
  {
    proxy: [],
  },
);

const post = (path: string, body: unknown = {}) =>
  rawRequest(`${servers.proxy.url}${path}`, {
    method: "POST",
    headers: { ...key, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function waitForEnd(location: string): Promise<{ status: string; kind: string; monitorUrl: string }> {
  const answer = await rawRequest(location, { headers: { ...key, prefer: "wait=10" } });
  expect(answer.status).toBe(200);
  return answer.json();
}

describe("a forwarded 200 whose body is an operation still under way", () => {
  it("a call's media action (running, monitor in Location): Graph's 200 and body, Location naming the proxy's operation", async () => {
    const answer = await post("/v1.0/communications/calls/call-1/playPrompt", { clientContext: "c-1" });
    expect(answer.status).toBe(200);
    const body = answer.json<{ id: string; status: string; "@odata.type": string }>();
    // Graph's own answer, as it came.
    expect(body).toMatchObject({ status: "running", "@odata.type": "#microsoft.graph.playPromptOperation" });
    expect(answer.headers.location).toMatch(new RegExp(`^${servers.proxy.url}/v1\\.0/operations/`));
    expect(answer.headers["operation-location"]).toBe(answer.headers.location);
    expect(answer.headers["upstream-location"]).toBe(
      `${servers.simulator.url}/v1.0/communications/calls/call-1/operations/${body.id}`,
    );
    expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
    const operation = await waitForEnd(answer.headers.location as string);
    expect(operation).toMatchObject({ status: "succeeded", kind: "commsOperation" });
  });

  it("createSnapshot (a job under way, no monitor header): followed at its entity's address", async () => {
    const answer = await post("/beta/admin/configurationManagement/configurationSnapshots/createSnapshot", {
      displayName: "snapshot",
      resources: ["microsoft.exchange.accepteddomain"],
    });
    expect(answer.status).toBe(200);
    const body = answer.json<{ id: string; status: string }>();
    expect(["notStarted", "running"]).toContain(body.status);
    expect(answer.headers.location).toMatch(new RegExp(`^${servers.proxy.url}/beta/operations/`));
    expect(answer.headers["upstream-location"]).toBe(
      `${servers.simulator.url}/beta/admin/configurationManagement/configurationSnapshotJobs/${body.id}`,
    );
    const operation = await waitForEnd(answer.headers.location as string);
    expect(operation).toMatchObject({ status: "succeeded", kind: "configurationSnapshotJob" });
  });

  it("leaves every other answer as it came: a created resource, an operation already finished", async () => {
    const before = servers.simulator.operations().length;
    const session = await post("/v1.0/me/drive/items/i1/workbook/createSession", { persistChanges: true });
    expect(session.status).toBe(201);
    expect(session.headers.location).toBeUndefined();
    expect(session.headers["upstream-location"]).toBeUndefined();
    const immediate = await rawRequest(`${servers.proxy.url}/v1.0/communications/calls/call-2/playPrompt`, {
      method: "POST",
      headers: {
        ...key,
        "content-type": "application/json",
        "x-simulator-scenario": JSON.stringify({ immediate: true }),
      },
      body: "{}",
    });
    expect(immediate.status).toBe(200);
    expect(immediate.json<{ status: string }>().status).toBe("completed");
    expect(immediate.headers["upstream-location"]).toBeUndefined();
    expect(immediate.headers.location).toMatch(
      new RegExp(`^${servers.simulator.url}/v1\\.0/communications/`),
    );
    const list = await rawRequest(`${servers.proxy.url}/operations`, { headers: key });
    const monitors = list.json<{ value: { monitorUrl: string }[] }>().value.map((item) => item.monitorUrl);
    expect(monitors.some((monitor) => monitor.includes("call-2"))).toBe(false);
    expect(servers.simulator.operations().length).toBeGreaterThan(before);
  });
});
