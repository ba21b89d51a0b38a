import { startSimulator, type Simulator } from "@lro/simulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { graphErrorEnvelopeSchema } from "../http-errors/graph-error-envelope.js";
import {
  rawRequest,
  startTestProxy,
  testApiKey,
  type TestProxy,
} from "../lifecycle/test-support/test-proxy.js";
import {
  startRecordingUpstream,
  type RecordingUpstream,
} from "../upstream/test-support/recording-upstream.js";
import { wireOperationSchema } from "../wire/wire-operation.js";

const fastPacing = {
  pollOptions: { interval: 40, minInterval: 5, maxDelay: 400, maxRetryAfter: 400, retryDelay: 20 },
};
const graphToken = "Bearer graph-token-for-the-simulator";

let simulator: Simulator;
let proxy: TestProxy;

beforeAll(async () => {
  simulator = await startSimulator({ defaults: { durationMs: 200 } });
  proxy = await startTestProxy(simulator.url, [], { tracker: fastPacing });
});

afterAll(async () => {
  await proxy.close();
  await simulator.close();
});

function start(path: string, headers: Record<string, string> = {}) {
  return rawRequest(`${proxy.url}${path}`, {
    method: "POST",
    headers: {
      "x-api-key": testApiKey,
      authorization: graphToken,
      "content-type": "application/json",
      ...headers,
    },
    body: JSON.stringify({ displayName: "Copy", parentReference: { driveId: "d", id: "i" } }),
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

describe("taking over an operation the upstream accepted", () => {
  it("answers 202 with its own Location, Retry-After and the operation, then follows it to its end", async () => {
    const answer = await start("/v1.0/teams/source-team/clone", {
      "x-simulator-scenario": '{"retryAfterSeconds":1}',
    });
    expect(answer.status).toBe(202);
    expect(answer.headers.location).toMatch(new RegExp(`^${proxy.url}/v1\\.0/operations/[\\w-]{20,}$`));
    expect(answer.headers["retry-after"]).toBe("1");
    const operation = wireOperationSchema.parse(answer.json());
    expect(answer.headers.location).toBe(`${proxy.url}/v1.0/operations/${operation.id}`);
    expect(answer.headers["operation-location"]).toBe(answer.headers.location);
    // Before its first poll, the operation already names the flavour its monitor's path stands for.
    expect(operation).toMatchObject({ status: "notStarted", kind: "teamsAsyncOperation" });
    expect(operation.monitorUrl).toMatch(new RegExp(`^${simulator.url}/v1\\.0/teams`));

    const ended = await waitForEnd(answer.headers.location as string);
    expect(ended).toMatchObject({ id: operation.id, status: "succeeded", kind: "teamsAsyncOperation" });
  });

  it("never sends the caller's Graph token to a monitor on another origin", async () => {
    const answer = await start("/v1.0/drives/drive-1/items/item-1/copy");
    expect(answer.status).toBe(202);
    const operation = wireOperationSchema.parse(answer.json());
    expect(new URL(operation.monitorUrl).origin).toBe(new URL(simulator.monitorUrl).origin);
    const ended = await waitForEnd(answer.headers.location as string);
    expect(ended.status).toBe("succeeded");
    const upstream = simulator.operations().find((record) => record.monitorUrl === ended.monitorUrl);
    expect(upstream?.polls).toBeGreaterThan(0);
    expect(upstream?.authorizationSeen).toBe(false);
  });

  it("passes an answer that finished at once through unchanged", async () => {
    const answer = await rawRequest(`${proxy.url}/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub`, {
      method: "POST",
      headers: {
        "x-api-key": testApiKey,
        "content-type": "application/json",
        "x-simulator-scenario": '{"immediate":true}',
      },
      body: JSON.stringify({ contentTypeId: "0x0101AB" }),
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ id: "0x0101AB", isBuiltIn: false });
  });
});

describe("logs of taken-over operations", () => {
  it("never contain the caller's Graph token or API key", async () => {
    const answer = await start("/v1.0/teams/source-team/clone");
    await waitForEnd(answer.headers.location as string);
    const logs = proxy.logs();
    expect(logs).toContain("following an operation");
    expect(logs).not.toContain("graph-token-for-the-simulator");
    expect(logs).not.toContain(testApiKey);
  });
});

describe("monitors the proxy refuses to follow", () => {
  let upstream: RecordingUpstream;
  let guarded: TestProxy;

  beforeAll(async () => {
    upstream = await startRecordingUpstream();
    guarded = await startTestProxy(upstream.url, ["--max-operations", "1"], { tracker: fastPacing });
  });

  afterAll(async () => {
    await guarded.close();
    await upstream.close();
  });

  afterEach(() => {
    upstream.received.length = 0;
  });

  function acceptWithMonitor(location: string) {
    upstream.handle((_request, response) => {
      response.statusCode = 202;
      response.setHeader("location", location);
      response.end();
    });
  }

  it.each([
    ["the cloud metadata address", "http://169.254.169.254/latest/meta-data/iam", "http://169.254.169.254"],
    ["a foreign host", "https://attacker.example/monitor/1", "https://attacker.example"],
    ["a private address", "http://10.0.0.7/monitor", "http://10.0.0.7"],
  ])(
    "refuses a monitor on %s with 403 and hands the client the upstream's monitor",
    async (_name, location, origin) => {
      acceptWithMonitor(location);
      const answer = await rawRequest(`${guarded.url}/v1.0/teams/t/clone`, {
        method: "POST",
        headers: { "x-api-key": testApiKey },
      });
      expect(answer.status).toBe(403);
      const envelope = graphErrorEnvelopeSchema.parse(answer.json());
      expect(envelope.error.code).toBe("egressDenied");
      expect(envelope.error.message).toContain(origin);
      expect(envelope.error.innerError).toMatchObject({
        origin,
        upstreamStatus: 202,
        upstreamLocation: location,
      });
      expect(guarded.logs()).toContain("egressDenied");
    },
  );

  it("tells the client when the proxy polls first, not a Retry-After beyond its own schedule", async () => {
    upstream.handle((_request, response) => {
      response.statusCode = 202;
      response.setHeader("location", `${upstream.url}/monitor/1`);
      response.setHeader("retry-after", "99999999999");
      response.end();
    });
    const answer = await rawRequest(`${guarded.url}/v1.0/teams/t/clone`, {
      method: "POST",
      headers: { "x-api-key": testApiKey },
    });
    expect(answer.status).toBe(202);
    // The schedule waits no longer than the pacing's longest delay (well under a second here).
    expect(answer.headers["retry-after"]).toBe("1");
    const operation = wireOperationSchema.parse(answer.json());
    const forgotten = await rawRequest(`${guarded.url}/operations/${operation.id}`, {
      method: "DELETE",
      headers: { "x-api-key": testApiKey },
    });
    expect(forgotten.status).toBe(204);
  });

  it("answers 502 in Graph's envelope, with the upstream's monitor, when that monitor is not an address", async () => {
    acceptWithMonitor("http://[::1");
    const answer = await rawRequest(`${guarded.url}/v1.0/teams/t/clone`, {
      method: "POST",
      headers: { "x-api-key": testApiKey },
    });
    expect(answer.status).toBe(502);
    const envelope = graphErrorEnvelopeSchema.parse(answer.json());
    expect(envelope.error.code).toBe("badGateway");
    expect(envelope.error.message).toContain("cannot read the monitor address");
    expect(envelope.error.innerError).toMatchObject({ upstreamStatus: 202, upstreamLocation: "http://[::1" });
  });

  it("refuses a notification URL off the allow-list", async () => {
    acceptWithMonitor(`${upstream.url}/monitor/1`);
    const answer = await rawRequest(`${guarded.url}/v1.0/teams/t/clone`, {
      method: "POST",
      headers: { "x-api-key": testApiKey, "x-notification-url": "https://hooks.attacker.example/done" },
    });
    expect(answer.status).toBe(403);
    expect(graphErrorEnvelopeSchema.parse(answer.json()).error.innerError.origin).toBe(
      "https://hooks.attacker.example",
    );
  });

  it("answers 429 past the tracked operations limit of the identity", async () => {
    upstream.handle((request, response) => {
      if (request.method === "POST") {
        response.statusCode = 202;
        response.setHeader("location", `${upstream.url}/monitor/1`);
        response.end();
        return;
      }
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          id: "1",
          status: "running",
          createdDateTime: "2026-01-01T00:00:00Z",
          lastActionDateTime: "2026-01-01T00:00:00Z",
        }),
      );
    });
    const first = await rawRequest(`${guarded.url}/v1.0/teams/t/clone`, {
      method: "POST",
      headers: { "x-api-key": testApiKey },
    });
    expect(first.status).toBe(202);
    const second = await rawRequest(`${guarded.url}/v1.0/teams/t/clone`, {
      method: "POST",
      headers: { "x-api-key": testApiKey },
    });
    expect(second.status).toBe(429);
    const envelope = graphErrorEnvelopeSchema.parse(second.json());
    expect(envelope.error.code).toBe("tooManyOperations");
    expect(envelope.error.message).toContain("--max-operations");
  });
});
