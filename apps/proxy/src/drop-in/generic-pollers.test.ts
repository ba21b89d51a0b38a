import { getClient, type HttpResponse } from "@azure-rest/core-client";
import { createHttpPoller, type OperationResponse, type RunningOperation } from "@azure/core-lro";
import { startSimulator, type Simulator } from "@lro/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fastTracker,
  startTestProxy,
  testApiKey,
  type TestProxy,
} from "../lifecycle/test-support/test-proxy.js";

/*
 * Generic long-running-operation pollers, as a new user would point them at the proxy: the proxy's 202
 * must read as "Operation-Location mode" (poll the status monitor, read `status` from its body), so a
 * failure is reported as a failure, not as the 200 that ends "Location mode".
 */

const headers = {
  "x-api-key": testApiKey,
  authorization: "Bearer graph-token",
  "content-type": "application/json",
};
const failing = JSON.stringify({
  durationMs: 150,
  outcome: "failed",
  error: { code: "cloneFailed", message: "the team could not be cloned" },
});
const succeeding = JSON.stringify({ durationMs: 150 });

let simulator: Simulator;
let proxy: TestProxy;

beforeAll(async () => {
  simulator = await startSimulator();
  proxy = await startTestProxy(simulator.url, [], fastTracker);
});

afterAll(async () => {
  await proxy.close();
  await simulator.close();
});

/** core-lro's operation over fetch, the way a hand-written client wires it. */
function fetchOperation(url: string, scenario: string): RunningOperation {
  const send = async (method: string, target: string, body?: string): Promise<OperationResponse> => {
    const response = await fetch(target, {
      method,
      headers: { ...headers, "x-simulator-scenario": scenario },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    const json: unknown = text === "" ? undefined : JSON.parse(text);
    return {
      flatResponse: json,
      rawResponse: {
        statusCode: response.status,
        headers: Object.fromEntries(response.headers),
        request: { method, url: target },
        body: json,
      },
    };
  };
  return { sendInitialRequest: () => send("POST", url, "{}"), sendPollRequest: (path) => send("GET", path) };
}

/**
 * A generated REST-level client's poller (the autorest convention of `getLongRunningPoller` in generated
 * `pollingHelper.ts`): the initial answer of `@azure-rest/core-client`, polls through `pathUnchecked(...).get()`,
 * handed to core-lro's `createHttpPoller`.
 */
function generatedStylePoller(initial: HttpResponse, scenario: string) {
  const client = getClient(proxy.url, { allowInsecureConnection: true });
  const toLroResponse = (response: HttpResponse): OperationResponse<HttpResponse> => ({
    flatResponse: response,
    rawResponse: { ...response, statusCode: Number.parseInt(response.status, 10), body: response.body },
  });
  const operation: RunningOperation<HttpResponse> = {
    sendInitialRequest: async () => toLroResponse(initial),
    sendPollRequest: async (path) =>
      toLroResponse(
        await client.pathUnchecked(path).get({ headers: { ...headers, "x-simulator-scenario": scenario } }),
      ),
  };
  return createHttpPoller(operation, { intervalInMs: 20 });
}

async function startThroughRestClient(scenario: string): Promise<HttpResponse> {
  const client = getClient(proxy.url, { allowInsecureConnection: true });
  return client
    .pathUnchecked("/v1.0/teams/{teamId}/clone", "source-team")
    .post({ headers: { ...headers, "x-simulator-scenario": scenario }, body: { displayName: "Copy" } });
}

describe("@azure/core-lro createHttpPoller through the proxy", () => {
  it("reports a failed operation as failed, with its error", async () => {
    const poller = createHttpPoller(fetchOperation(`${proxy.url}/v1.0/teams/source-team/clone`, failing), {
      intervalInMs: 20,
    });
    await expect(poller.pollUntilDone()).rejects.toThrow();
    expect(poller.operationState?.status).toBe("failed");
    expect(poller.operationState?.error?.message).toMatch(/could not be cloned|failed/i);
  });

  it("reports a succeeded operation as succeeded", async () => {
    const poller = createHttpPoller(fetchOperation(`${proxy.url}/v1.0/teams/source-team/clone`, succeeding), {
      intervalInMs: 20,
    });
    await poller.pollUntilDone();
    expect(poller.operationState?.status).toBe("succeeded");
  });
});

describe("a generated-SDK style poller (@azure-rest/core-client + core-lro) through the proxy", () => {
  it("reports a failed operation as failed", async () => {
    const initial = await startThroughRestClient(failing);
    expect(initial.status).toBe("202");
    const poller = generatedStylePoller(initial, failing);
    await expect(poller.pollUntilDone()).rejects.toThrow();
    expect(poller.operationState?.status).toBe("failed");
  });

  it("reports a succeeded operation as succeeded", async () => {
    const initial = await startThroughRestClient(succeeding);
    const poller = generatedStylePoller(initial, succeeding);
    await poller.pollUntilDone();
    expect(poller.operationState?.status).toBe("succeeded");
  });
});
