import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

let upstream: RecordingUpstream;
let proxy: TestProxy;

beforeEach(async () => {
  upstream = await startRecordingUpstream((request, response) => {
    if (request.method === "POST") {
      response.statusCode = 202;
      response.setHeader("location", `${upstream.url}/v1.0/monitor/1`);
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
  proxy = await startTestProxy(upstream.url);
});

afterEach(async () => {
  await proxy.close();
  await upstream.close();
});

describe("/healthz and /readyz", () => {
  it("answers healthy and ready while the store answers and the tracker runs", async () => {
    expect((await rawRequest(`${proxy.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await rawRequest(`${proxy.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.json()).toEqual({
      status: "ready",
      checks: { store: "ok", tracker: "ok", accepting: "ok" },
    });
  });

  it("answers 503 naming the tracker when it stopped", async () => {
    await proxy.tracker.stop();
    const ready = await rawRequest(`${proxy.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.json()).toMatchObject({ status: "not ready", checks: { tracker: "stopped", store: "ok" } });
    expect((await rawRequest(`${proxy.url}/healthz`)).status).toBe(200);
  });

  it("answers 503 naming the store when it cannot be reached", async () => {
    await proxy.tracker.stop();
    await proxy.store.close();
    const ready = await rawRequest(`${proxy.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((ready.json() as { checks: { store: string } }).checks.store).toMatch(/^unreachable: /);
  });
});

describe("/metrics", () => {
  it("serves Prometheus text with requests, operations by status, polls and upstream latency", async () => {
    const started = await rawRequest(`${proxy.url}/v1.0/teams/t/clone`, {
      method: "POST",
      headers: { "x-api-key": testApiKey },
    });
    expect(started.status).toBe(202);
    await rawRequest(`${started.headers.location as string}?wait=1`, {
      headers: { "x-api-key": testApiKey },
    });
    const answer = await rawRequest(`${proxy.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toContain("text/plain");
    const text = answer.body.toString();
    expect(text).toMatch(/^lro_proxy_http_requests_total\{method="POST",route="forward",status="202"\} 1$/m);
    expect(text).toMatch(
      /^lro_proxy_http_requests_total\{method="GET",route="\/operations",status="200"\} 1$/m,
    );
    expect(text).toMatch(/^lro_proxy_operations\{status="(notStarted|running)"\} 1$/m);
    expect(text).toMatch(
      /^lro_proxy_upstream_request_duration_seconds_count\{target="forward",method="POST"\} 1$/m,
    );
    expect(text).toMatch(/^lro_proxy_polls_total\{outcome="\w+"\} [1-9]/m);
    expect(text).toContain("lro_proxy_sse_clients 0");
    expect(text).toContain("# TYPE lro_proxy_upstream_errors_total counter");
  });
});

describe("/readyz and the store's health", () => {
  it("answers 503 naming the store's failure once the store met a damaged file", async () => {
    const { healthRoutes } = await import("./health-routes.js");
    const { createMetrics } = await import("../observability/metrics.js");
    const express = (await import("express")).default;
    let problem: string | undefined;
    const app = express();
    const routes = healthRoutes({
      store: { nextDueAt: () => Promise.resolve(undefined), health: () => problem },
      tracker: { isRunning: () => true },
      metrics: createMetrics(),
    });
    app.get("/readyz", routes.get("/readyz")!);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((listening) => server.once("listening", listening));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/readyz`;
    try {
      expect((await rawRequest(url)).status).toBe(200);
      problem = "database disk image is malformed";
      const failing = await rawRequest(url);
      expect(failing.status).toBe(503);
      expect(failing.json()).toMatchObject({
        status: "not ready",
        checks: { store: "failing: database disk image is malformed", tracker: "ok" },
      });
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});
