import { describe, expect, it, vi } from "vitest";
import { rawRequest, testApiKey } from "../lifecycle/test-support/test-proxy.js";
import { useProxiesOnSimulator } from "../lifecycle/test-support/proxies-on-simulator.js";
import { wireOperationSchema } from "../wire/wire-operation.js";

// Real servers and real polls: generous under a loaded machine.
vi.setConfig({ testTimeout: 20_000 });

const servers = useProxiesOnSimulator(
  { defaults: { durationMs: 200 } },
  {
    proxy: [],
  },
);

function send(method: string, path: string, body: unknown) {
  return rawRequest(`${servers.proxy.url}${path}`, {
    method,
    headers: { "x-api-key": testApiKey, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function waitForEnd(location: string) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const answer = await rawRequest(`${location}?wait=5`, {
      headers: { "x-api-key": testApiKey },
    });
    const operation = wireOperationSchema.parse(answer.json());
    if (operation.status === "succeeded" || operation.status === "failed") return operation;
  }
  throw new Error(`${location} did not end`);
}

describe("the proxy follows the flavours Graph announces with 202", () => {
  it.each([
    ["caseOperation", "POST", "/v1.0/security/cases/ediscoveryCases/c1/searches/s1/estimateStatistics", {}],
    ["placeOperation", "PATCH", "/beta/places", { value: [{ id: "r1" }, { id: "r2" }] }],
    ["connectionOperation", "PATCH", "/v1.0/external/connections/hr/schema", {}],
    [
      "delegatedAdminRelationshipOperation",
      "PATCH",
      "/v1.0/tenantRelationships/delegatedAdminRelationships/r1/accessAssignments/a1",
      {},
    ],
    ["teamworkDeviceOperation", "POST", "/beta/teamwork/devices/d1/restart", {}],
    ["approvalOperation", "POST", "/beta/solutions/approval/provision", {}],
    ["mailFolderOperation", "POST", "/beta/me/mailFolders/inbox/updateAllMessagesReadState", {}],
  ] as const)("takes over a %s (%s %s) and follows it to its end", async (kind, method, path, body) => {
    const answer = await send(method, path, body);
    expect(answer.status).toBe(202);
    const operation = wireOperationSchema.parse(answer.json());
    // Before its first poll, the operation already names the flavour its monitor's address stands for.
    expect(operation.kind).toBe(kind);
    const ended = await waitForEnd(answer.headers.location as string);
    expect(ended).toMatchObject({ status: "succeeded", kind });
    if (kind === "caseOperation" || kind === "placeOperation") expect(ended.percentageComplete).toBe(100);
  });
});

describe("the flavours Graph announces with 200 and the operation in the body", () => {
  it.each([
    ["commsOperation", "/v1.0/communications/calls/c1/playPrompt", { clientContext: "c" }, "completed"],
    [
      "configurationSnapshotJob",
      "/beta/admin/configurationManagement/configurationSnapshots/createSnapshot",
      { displayName: "Baseline" },
      "succeeded",
    ],
  ] as const)(
    "keep Graph's 200 for a %s, and the monitor it names can still be adopted",
    async (kind, path, body, word) => {
      const answer = await send("POST", path, body);
      expect(answer.status).toBe(200);
      const started = answer.json() as { id: string };
      // The proxy took the operation over (see running-answer.test.ts); Upstream-Location keeps Graph's monitor.
      const monitorUrl =
        kind === "commsOperation"
          ? (answer.headers["upstream-location"] as string)
          : `${servers.simulator.url}/beta/admin/configurationManagement/configurationSnapshotJobs/${started.id}`;
      expect(answer.headers["upstream-location"]).toBe(monitorUrl);
      const adopted = await send("POST", "/operations", { monitorUrl });
      expect(adopted.status).toBe(202);
      expect(wireOperationSchema.parse(adopted.json()).kind).toBe(kind);
      const ended = await waitForEnd(adopted.headers.location as string);
      expect(ended).toMatchObject({ status: "succeeded", kind, upstreamStatus: word });
    },
  );
});
