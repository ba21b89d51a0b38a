import { afterEach, describe, expect, it } from "vitest";
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
import { boundedOperation, maxStoredOperationBytes } from "./bounded-operation.js";

let upstream: RecordingUpstream | undefined;
let proxy: TestProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
});

describe("monitor answers and stored operations are bounded", () => {
  it("drops a monitor answer past --max-monitor-answer (core's cap) and ends the operation saying so", async () => {
    let bytesSent = 0;
    upstream = await startRecordingUpstream((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      // 20 MB streamed, unannounced: the proxy must stop reading long before the end.
      response.write('{"id":"1","status":"running","padding":"');
      const chunk = "x".repeat(64 * 1024);
      const pump = () => {
        while (bytesSent < 20 * 1024 * 1024) {
          bytesSent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end('"}');
      };
      response.on("error", () => undefined);
      pump();
    });
    proxy = await startTestProxy(upstream.url, ["--max-monitor-answer", "64kb"]);
    const headers = { "x-api-key": testApiKey, "content-type": "application/json" };
    const adopted = await rawRequest(`${proxy.url}/operations`, {
      method: "POST",
      headers,
      body: JSON.stringify({ monitorUrl: `${upstream.url}/v1.0/monitors/1` }),
    });
    expect(adopted.status).toBe(202);
    const ended = await rawRequest(`${adopted.headers.location}?wait=20`, { headers });
    const operation = ended.json<{ status: string; error?: { code: string; message: string } }>();
    expect(operation.status).toBe("failed");
    expect(operation.error?.code).toBe("monitorAnswerTooLarge");
    expect(operation.error?.message).toContain("--max-monitor-answer");
    expect(ended.body.length).toBeLessThan(4096);
    expect(bytesSent).toBeLessThan(20 * 1024 * 1024);
  }, 30_000);

  it("keeps a stored operation under its bound: a huge raw answer is not kept, the normalised fields are", () => {
    const operation = {
      kind: "richLongRunningOperation" as const,
      status: "running" as const,
      rawStatus: "running",
      percentageComplete: 40,
      raw: { id: "1", status: "running", padding: "x".repeat(200_000) },
    };
    const bounded = boundedOperation(operation);
    expect(Buffer.byteLength(JSON.stringify(bounded))).toBeLessThanOrEqual(maxStoredOperationBytes);
    expect(bounded).toMatchObject({ status: "running", percentageComplete: 40, raw: {} });
    const small = { ...operation, raw: { id: "1", status: "running" } };
    expect(boundedOperation(small)).toBe(small);
  });
});
