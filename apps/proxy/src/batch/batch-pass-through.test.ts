import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const key = { "x-api-key": testApiKey };

let upstream: RecordingUpstream;
let proxy: TestProxy;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  proxy = await startTestProxy(upstream.url, ["--body-limit", "2kb"]);
});

afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

/** A batch answer whose one inner answer is a 202 naming a monitor on the upstream. */
function acceptedAnswer(padding = ""): string {
  return JSON.stringify({
    responses: [
      {
        id: "1",
        status: 202,
        headers: { location: `${upstream.url}/v1.0/monitor/1`, "x-padding": padding },
      },
    ],
  });
}

const requests = JSON.stringify({ requests: [{ id: "1", method: "POST", url: "/things/1/start" }] });

async function postBatch(body = requests) {
  return rawRequest(`${proxy.url}/v1.0/$batch`, {
    method: "POST",
    headers: { ...key, "content-type": "application/json" },
    body,
  });
}

async function operationCount(): Promise<number> {
  const page = await rawRequest(`${proxy.url}/operations`, { headers: key });
  return page.json<{ value: unknown[] }>().value.length;
}

describe("a batch the proxy does not rewrite", () => {
  it("is forwarded whole and asks for an uncompressed answer when the proxy will read it", async () => {
    upstream.handle((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ responses: [] }));
    });
    const answer = await postBatch();
    expect(answer.status).toBe(200);
    const received = upstream.received.at(-1);
    expect(received?.url).toBe("/v1.0/$batch");
    expect(received?.body.toString()).toBe(requests);
    expect(received?.headers["accept-encoding"]).toBe("identity");
  });

  it("passes through an answer that is not JSON", async () => {
    const text = acceptedAnswer();
    upstream.handle((_request, response) => {
      response.setHeader("content-type", "text/plain");
      response.end(text);
    });
    const before = await operationCount();
    const answer = await postBatch();
    expect(answer.body.toString()).toBe(text);
    expect(await operationCount()).toBe(before);
  });

  it("passes through an answer larger than --body-limit, declared or streamed", async () => {
    const large = acceptedAnswer("x".repeat(4096));
    for (const declared of [true, false]) {
      upstream.handle((_request, response) => {
        response.setHeader("content-type", "application/json");
        if (declared) response.setHeader("content-length", Buffer.byteLength(large));
        // In pieces, so the proxy reads past its limit before it knows the size.
        response.write(large.slice(0, 1000));
        setTimeout(() => response.end(large.slice(1000)), 10);
      });
      const before = await operationCount();
      const answer = await postBatch();
      expect(answer.status).toBe(200);
      expect(answer.body.toString()).toBe(large);
      expect(await operationCount()).toBe(before);
    }
  });

  it("passes through a JSON answer that is not a batch answer, and a batch whose body is not a batch", async () => {
    upstream.handle((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end('{"value":[]}');
    });
    expect((await postBatch()).body.toString()).toBe('{"value":[]}');
    upstream.handle((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(acceptedAnswer());
    });
    const before = await operationCount();
    const notABatch = await postBatch('{"no":"requests"}');
    expect(notABatch.json()).toEqual(JSON.parse(acceptedAnswer()));
    expect(await operationCount()).toBe(before);
  });

  it("keeps an inner 202 whose monitor the proxy cannot follow as it came, saying why", async () => {
    upstream.handle((request, response) => {
      if (request.url.endsWith("$batch")) {
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({
            responses: [
              { id: "1", status: 202, headers: { Location: "http://[not an address" } },
              { id: "2", status: 202, headers: { Location: "/v1.0/monitor/2" } },
            ],
          }),
        );
        return;
      }
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ id: "2", status: "running" }));
    });
    const answer = await postBatch(
      JSON.stringify({
        requests: [
          { id: "1", method: "POST", url: "/a" },
          { id: "2", method: "POST", url: "/b" },
        ],
      }),
    );
    const [first, second] = answer.json<{ responses: { headers: Record<string, string> }[] }>().responses;
    expect(first?.headers).toEqual({
      Location: "http://[not an address",
      "X-Operation-Note": expect.stringMatching(
        /^The proxy does not follow this operation \(badGateway\): The upstream accepted/,
      ),
    });
    expect(second?.headers["Location"]).toMatch(new RegExp(`^${proxy.url}/v1\\.0/operations/`));
    expect(second?.headers["Upstream-Location"]).toBe("/v1.0/monitor/2");
  });
});
