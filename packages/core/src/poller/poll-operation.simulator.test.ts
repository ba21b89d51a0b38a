import type { ScenarioOptions } from "@lro/simulator";
import { lastValueFrom, materialize, toArray } from "rxjs";
import { describe, expect, it } from "vitest";
import { OperationFailedError } from "../errors/operation-failed-error.js";
import { OperationValidationError } from "../errors/operation-validation-error.js";
import { UpstreamHttpError } from "../errors/upstream-http-error.js";
import { createTransport } from "./create-transport.js";
import { resolveMonitorUrl } from "./monitor-url.js";
import { pollOperation } from "./poll-operation.js";
import type { PollOptions } from "./poll-options.js";
import { useSimulator } from "./test-support/simulator.js";
import type { Transport } from "./transport.js";

const test = useSimulator();
const fast = { minInterval: 20, interval: 50, retryDelay: 20 };

/** Starts an operation with a plain POST and returns its monitor, resolved the way a client must. */
async function start(path: string, scenario: ScenarioOptions = {}, body: unknown = {}, headers = {}) {
  const requestUrl = new URL(`${test.simulator.url}${path}`);
  const response = await test.transport.request({
    method: "POST",
    url: requestUrl,
    headers: { ...headers, ...test.scenario(scenario), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(202);
  const location = response.headers["operation-location"] ?? response.headers["location"] ?? "";
  return { monitorUrl: resolveMonitorUrl(location, requestUrl), requestUrl, location };
}

async function follow(path: string, scenario: ScenarioOptions, options: PollOptions = {}) {
  const { monitorUrl, requestUrl } = await start(path, scenario);
  return lastValueFrom(
    pollOperation(monitorUrl, { ...fast, transport: test.transport, requestUrl, ...options }),
  );
}

const contentTypeCopy = "/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub";

describe("pollOperation against the simulator", () => {
  it("resolves lastValueFrom(pollOperation(url)) with the final operation of every flavour", async () => {
    const flavours: [string, string, unknown?, Record<string, string>?][] = [
      ["richLongRunningOperation", contentTypeCopy],
      ["longRunningOperation", "/v1.0/me/authentication/methods/m1/resetPassword"],
      ["teamsAsyncOperation", "/v1.0/teams/t1/archive"],
      ["asyncJobStatus", "/v1.0/drives/d1/items/i1/copy"],
      ["onenoteOperation", "/v1.0/me/onenote/sections/s1/copyToNotebook"],
      ["operation", "/beta/me/onenote/notebooks/n1/copyNotebook"],
      ["attackSimulationOperation", "/beta/security/attackSimulation/simulations"],
      ["engagementAsyncOperation", "/v1.0/employeeExperience/communities"],
      [
        "dataPolicyOperation",
        "/v1.0/users/u1/exportPersonalData",
        { storageLocation: "https://s.example/c" },
      ],
      ["printerCreateOperation", "/v1.0/print/printers/create"],
      [
        "workbookOperation",
        "/v1.0/me/drive/items/i1/workbook/createSession",
        {},
        { prefer: "respond-async" },
      ],
    ];
    const finals = await Promise.all(
      flavours.map(async ([, path, body, headers]) => {
        const { monitorUrl, requestUrl } = await start(
          path,
          { retryAfterSeconds: 0.05 },
          body ?? {},
          headers,
        );
        return lastValueFrom(pollOperation(monitorUrl, { ...fast, transport: test.transport, requestUrl }));
      }),
    );
    expect(finals.map((operation) => [operation.kind, operation.status])).toEqual(
      flavours.map(([kind]) => [kind, "succeeded"]),
    );
  });

  it("resolves a relative OData Location against the request, keeping /beta", async () => {
    const { location, monitorUrl, requestUrl } = await start("/beta/teams");
    expect(location).toMatch(/^\/teams\('[^']+'\)\/operations\('[^']+'\)$/);
    expect(monitorUrl.href.startsWith(`${test.simulator.url}/beta/teams('`)).toBe(true);
    const final = await lastValueFrom(
      pollOperation(monitorUrl, { ...fast, transport: test.transport, requestUrl }),
    );
    expect(final).toMatchObject({ kind: "teamsAsyncOperation", status: "succeeded" });
  });

  it("reads a driveItem copy monitor's 303 See Other as succeeded, with the new item's address", async () => {
    const { monitorUrl } = await start("/v1.0/drives/d1/items/i1/copy", { copyCompletion: "seeOther" });
    const operations = await lastValueFrom(
      pollOperation(monitorUrl, { ...fast, transport: test.transport }).pipe(toArray()),
    );
    const final = operations.at(-1)!;
    expect(final).toMatchObject({ kind: "asyncJobStatus", status: "succeeded" });
    expect(final.resourceLocation).toMatch(new RegExp(`^${test.simulator.url}/v1\\.0/drives/`));
  });

  it("reads the copy monitor's final 200 body too", async () => {
    const final = await follow("/v1.0/drives/d1/items/i1/copy", { copyCompletion: "body" });
    expect(final).toMatchObject({ kind: "asyncJobStatus", status: "succeeded", rawStatus: "completed" });
  });

  it("survives throttling: 429 with Retry-After (seconds and HTTP-date) and 503 without", async () => {
    const throttled = await follow(contentTypeCopy, {
      throttle: { status: 429, retryAfterSeconds: 0.2, from: 1, count: 2 },
    });
    expect(throttled.status).toBe(succeeded);
    const [record] = test.simulator.operations();
    expect(record!.pollTimes[1]! - record!.pollTimes[0]!).toBeGreaterThanOrEqual(195);
    test.simulator.reset();
    const dated = await follow(contentTypeCopy, {
      durationMs: 1200,
      retryAfterFormat: "http-date",
      throttle: { status: 429, retryAfterSeconds: 1, from: 1, count: 1 },
    });
    expect(dated.status).toBe(succeeded);
    const unavailable = await follow(contentTypeCopy, { throttle: { status: 503, from: 1, count: 3 } });
    expect(unavailable.status).toBe(succeeded);
  });

  it("never gives up on throttling: ten 503s with maxRetries 2 still end with the upstream's status", async () => {
    const final = await follow(
      contentTypeCopy,
      { throttle: { status: 503, from: 1, count: 10 } },
      // Without Retry-After, throttling backs off: a short ceiling keeps the test quick.
      { maxRetries: 2, maxDelay: 100 },
    );
    expect(final.status).toBe("succeeded");
  });

  it("gives up on an unreachable monitor after maxRetries with UpstreamHttpError", async () => {
    const result = follow(
      contentTypeCopy,
      { monitorError: { status: 500, from: 1, count: 10 } },
      { maxRetries: 2 },
    );
    await expect(result).rejects.toSatisfy(
      (error) => UpstreamHttpError.isInstance(error) && error.httpStatus === 500,
    );
  });

  it("survives malformed JSON, and errors with OperationValidationError when it persists", async () => {
    const final = await follow(contentTypeCopy, { malformed: { from: 2, count: 2 } });
    expect(final.status).toBe(succeeded);
    const result = follow(contentTypeCopy, { malformed: { from: 1, count: 10 } }, { maxRetries: 2 });
    await expect(result).rejects.toSatisfy(OperationValidationError.isInstance);
  });

  it("survives dropped connections", async () => {
    const final = await follow(contentTypeCopy, { drop: { from: 1, count: 2 } });
    expect(final.status).toBe(succeeded);
  });

  it("survives a slow answer, and retries one slower than the request timeout", async () => {
    const slow = await follow(contentTypeCopy, { slow: { delayMs: 150, from: 1, count: 1 } });
    expect(slow.status).toBe(succeeded);
    const pool = createTransport({ requestTimeout: 300 });
    let timedOut = 0;
    const transport: Transport = {
      request: (request) =>
        pool.request(request).catch((error: unknown) => {
          timedOut += 1;
          throw error;
        }),
      close: () => pool.close(),
    };
    try {
      const final = await follow(
        contentTypeCopy,
        { slow: { delayMs: 1500, from: 1, count: 1 } },
        { transport },
      );
      expect(final.status).toBe(succeeded);
      expect(timedOut).toBe(1);
    } finally {
      await transport.close();
    }
  });

  it("keeps polling through a status value from the future and surfaces it", async () => {
    const { monitorUrl, requestUrl } = await start(contentTypeCopy, {
      durationMs: 400,
      futureStatus: { value: "pausing", durationMs: 250 },
    });
    const operations = await lastValueFrom(
      pollOperation(monitorUrl, { ...fast, adaptive: false, transport: test.transport, requestUrl }).pipe(
        toArray(),
      ),
    );
    expect(operations.some((operation) => operation.status === "unknownFutureValue")).toBe(true);
    expect(operations.at(-1)?.status).toBe(succeeded);
  });

  it("emits the failed snapshot, then OperationFailedError", async () => {
    const { monitorUrl, requestUrl } = await start(contentTypeCopy, { outcome: "failed" });
    const poll$ = pollOperation(monitorUrl, { ...fast, transport: test.transport, requestUrl });
    const notifications = await lastValueFrom(poll$.pipe(materialize(), toArray()));
    const [beforeLast, last] = notifications.slice(-2);
    expect(beforeLast?.kind === "N" && beforeLast.value.status).toBe("failed");
    expect(last?.kind === "E" && OperationFailedError.isInstance(last.error)).toBe(true);
  });
});

const succeeded = "succeeded";

describe("pollOperation's Authorization scope", () => {
  function recording(sent: (string | undefined)[]): Transport {
    return {
      request: (request) => {
        sent.push(request.headers["authorization"]);
        return test.transport.request(request);
      },
      close: async () => {},
    };
  }

  it("sends no token to a monitor given alone when it is not on Graph's origins", async () => {
    const { monitorUrl } = await start("/v1.0/teams/t1/clone", { durationMs: 60 });
    const sent: (string | undefined)[] = [];
    const options = { ...fast, transport: recording(sent), headers: { Authorization: "Bearer graph-token" } };
    const operation = await lastValueFrom(pollOperation(monitorUrl, options));
    expect(operation.status).toBe("succeeded");
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((authorization) => authorization === undefined)).toBe(true);
  });

  it("sends the token once the request that started the operation names the monitor's origin", async () => {
    const { monitorUrl, requestUrl } = await start("/v1.0/teams/t1/clone", { durationMs: 60 });
    const sent: (string | undefined)[] = [];
    const options = {
      ...fast,
      transport: recording(sent),
      requestUrl,
      headers: { Authorization: "Bearer graph-token" },
    };
    await lastValueFrom(pollOperation(monitorUrl, options));
    expect(sent.every((authorization) => authorization === "Bearer graph-token")).toBe(true);
  });
});
