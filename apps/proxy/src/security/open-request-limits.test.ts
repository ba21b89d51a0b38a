import { startSimulator, type Simulator } from "@lro/simulator";
import { afterEach, describe, expect, it } from "vitest";
import {
  rawRequest,
  startTestProxy,
  testApiKey,
  type TestProxy,
} from "../lifecycle/test-support/test-proxy.js";
import { openEventStream } from "../tracking/test-support/sse-client.js";

const otherKey = "another-client-key-0123456789";
let simulator: Simulator | undefined;
let proxy: TestProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  await simulator?.close();
});

async function startOperation(key: string): Promise<string> {
  const started = await rawRequest(`${proxy!.url}/v1.0/teams/t1/clone`, {
    method: "POST",
    headers: {
      "x-api-key": key,
      "content-type": "application/json",
      "x-simulator-scenario": JSON.stringify({ durationMs: 600_000 }),
    },
    body: "{}",
  });
  expect(started.status).toBe(202);
  return started.headers.location!;
}

describe("per-client caps on open requests", () => {
  it("refuses an event stream past --max-event-streams with 429, Retry-After and Graph's envelope; other clients unaffected", async () => {
    simulator = await startSimulator();
    proxy = await startTestProxy(simulator.url, ["--max-event-streams", "2", "--api-key", otherKey]);
    const location = await startOperation(testApiKey);
    const first = await openEventStream(`${proxy.url}/operations/events`, { "x-api-key": testApiKey });
    const second = await openEventStream(`${location}/events`, { "x-api-key": testApiKey });
    expect([first.status, second.status]).toEqual([200, 200]);

    const refused = await rawRequest(`${proxy.url}/operations/events`, {
      headers: { "x-api-key": testApiKey },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(refused.json()).toMatchObject({
      error: { code: "tooManyOpenRequests", innerError: { limit: 2, retryAfterSeconds: 5 } },
    });
    expect(refused.json<{ error: { message: string } }>().error.message).toContain("--max-event-streams");

    const other = await openEventStream(`${proxy.url}/operations/events`, { "x-api-key": otherKey });
    expect(other.status).toBe(200);
    other.close();

    first.close();
    await expect
      .poll(async () => {
        const again = await openEventStream(`${proxy!.url}/operations/events`, { "x-api-key": testApiKey });
        again.close();
        return again.status;
      })
      .toBe(200);
    second.close();
  }, 30_000);

  it("refuses a wait past --max-waits with 429 while the others wait on", async () => {
    simulator = await startSimulator();
    proxy = await startTestProxy(simulator.url, ["--max-waits", "2"]);
    const location = await startOperation(testApiKey);
    const headers = { "x-api-key": testApiKey };
    const waits = [1, 2].map(() => rawRequest(`${location}?wait=2`, { headers }));
    await expect.poll(async () => (await proxy!.metrics.waitingRequests.get()).values[0]?.value).toBe(2);

    const refused = await rawRequest(`${location}?wait=2`, { headers });
    expect(refused.status).toBe(429);
    expect(refused.json()).toMatchObject({
      error: { code: "tooManyOpenRequests", innerError: { limit: 2 } },
    });
    expect(refused.json<{ error: { message: string } }>().error.message).toContain("--max-waits");
    // A plain read is no wait: it is answered.
    expect((await rawRequest(`${location}`, { headers })).status).toBe(200);

    const answers = await Promise.all(waits);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect((await rawRequest(`${location}?wait=1`, { headers })).status).toBe(200);
  }, 30_000);
});
