import { request as httpRequest } from "node:http";
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  startRecordingUpstream,
  type RecordingUpstream,
} from "../upstream/test-support/recording-upstream.js";
import { rawRequest, startTestProxy, testApiKey, type TestProxy } from "./test-support/test-proxy.js";

let upstream: RecordingUpstream | undefined;
let proxy: TestProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
});

describe("graceful shutdown", () => {
  it("stops accepting, lets a request in flight finish, then stops the tracker and closes the store", async () => {
    const held: ServerResponse[] = [];
    upstream = await startRecordingUpstream((_request, response) => held.push(response));
    proxy = await startTestProxy(upstream.url, ["--shutdown-timeout", "1h"]);
    const inFlight = rawRequest(`${proxy.url}/v1.0/me`, { headers: { "x-api-key": testApiKey } });
    await expect.poll(() => held.length).toBe(1);

    const closing = proxy.close();
    await expect(rawRequest(`${proxy.url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    expect(proxy.tracker.isRunning()).toBe(true);

    held[0]?.end("finished after the signal");
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe("finished after the signal");
    await closing;
    expect(proxy.tracker.isRunning()).toBe(false);
    await expect(proxy.store.nextDueAt()).rejects.toThrow();
    expect(proxy.logs()).toContain("lro-proxy stopped");
  });

  it("ends open event streams so that shutdown does not wait for them", async () => {
    upstream = await startRecordingUpstream();
    proxy = await startTestProxy(upstream.url, ["--shutdown-timeout", "1h"]);
    const { url } = proxy;
    const ended = new Promise<number>((resolve, reject) => {
      httpRequest(`${url}/operations/events`, { headers: { "x-api-key": testApiKey } }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      })
        .on("error", reject)
        .end();
    });
    await expect
      .poll(async () => (await rawRequest(`${url}/metrics`)).body.toString())
      .toContain("lro_proxy_sse_clients 1");
    await proxy.close();
    expect(await ended).toBe(200);
  });

  it("cuts requests still running when the drain time is over", async () => {
    upstream = await startRecordingUpstream(() => undefined);
    proxy = await startTestProxy(upstream.url, ["--shutdown-timeout", "100ms"]);
    const inFlight = rawRequest(`${proxy.url}/v1.0/me`, { headers: { "x-api-key": testApiKey } }).catch(
      (error: Error) => error,
    );
    await expect.poll(() => upstream?.received.length).toBe(1);
    await proxy.close();
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
