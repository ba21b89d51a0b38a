import { startSimulator, type Simulator } from "@lro/simulator";
import { afterEach, describe, expect, it } from "vitest";
import {
  rawRequest,
  startTestProxy,
  testApiKey,
  type TestProxy,
} from "../lifecycle/test-support/test-proxy.js";

let simulator: Simulator | undefined;
let proxy: TestProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  await simulator?.close();
});

describe("Cache-Control of the proxy's own answers", () => {
  it("is private, no-store on every operation answer (running and finished), lists, errors and health; forwarded answers keep the upstream's", async () => {
    simulator = await startSimulator();
    proxy = await startTestProxy(simulator.url);
    const headers = { "x-api-key": testApiKey };
    const started = await rawRequest(`${proxy.url}/v1.0/teams/t1/clone`, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        "x-simulator-scenario": '{"durationMs":300}',
      },
      body: "{}",
    });
    expect(started.status).toBe(202);
    expect(started.headers["cache-control"]).toBe("private, no-store");
    const location = started.headers.location!;

    const finished = await rawRequest(`${location}?wait=10`, { headers });
    expect(finished.json<{ status: string }>().status).toBe("succeeded");
    expect(finished.headers.expires).toBeDefined();
    const answers = [
      finished,
      await rawRequest(`${proxy.url}/operations`, { headers }),
      await rawRequest(`${proxy.url}/operations/no-such-operation`, { headers }),
      await rawRequest(`${proxy.url}/operations`),
      await rawRequest(`${proxy.url}/healthz`),
      await rawRequest(`${proxy.url}/metrics`),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 401, 200, 200]);
    for (const answer of answers) expect(answer.headers["cache-control"]).toBe("private, no-store");

    // The simulator's own answers (here its 404) carry no Cache-Control; the proxy adds none to what it forwards.
    const forwarded = await rawRequest(`${proxy.url}/v1.0/me`, { headers });
    expect(forwarded.status).toBe(404);
    expect(forwarded.headers["request-id"]).toBeDefined();
    expect(forwarded.headers["cache-control"]).toBeUndefined();
  }, 30_000);
});
