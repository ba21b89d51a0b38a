import type { ScenarioOptions } from "@lro/simulator";
import { lastValueFrom } from "rxjs";
import { describe, expect, it } from "vitest";
import { OperationFailedError } from "../errors/operation-failed-error.js";
import type { Operation } from "../models/operation.js";
import { resolveMonitorUrl } from "./monitor-url.js";
import { pollOperation } from "./poll-operation.js";
import { useSimulator } from "./test-support/simulator.js";

const test = useSimulator();
const copy = "/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub";

async function start(scenario: ScenarioOptions) {
  const requestUrl = new URL(`${test.simulator.url}${copy}`);
  const response = await test.transport.request({
    method: "POST",
    url: requestUrl,
    headers: { ...test.scenario(scenario), "content-type": "application/json" },
    body: "{}",
  });
  const location = response.headers["operation-location"] ?? response.headers["location"] ?? "";
  const monitorUrl = resolveMonitorUrl(location, requestUrl);
  return { monitorUrl, requestUrl };
}

/** The simulator's own record of the operation behind `monitorUrl`: its true end and every poll. */
function recordOf(monitorUrl: URL) {
  const record = test.simulator.operations().find((candidate) => candidate.monitorUrl === monitorUrl.href);
  expect(record).toBeDefined();
  return record!;
}

/** Follows to the end with the default options: the final snapshot, whether it succeeded or failed. */
async function followToEnd(monitorUrl: URL, requestUrl: URL): Promise<Operation> {
  try {
    return await lastValueFrom(pollOperation(monitorUrl, { transport: test.transport, requestUrl }));
  } catch (error) {
    if (OperationFailedError.isInstance(error)) return error.operation;
    throw error;
  }
}

// Real time against a real server: 25 s (the pace test runs beside it, in its own file).
describe("a throttle storm against the simulator (real time)", () => {
  it(
    "25 answers 429 with Retry-After: 1 end with the upstream's true status",
    { timeout: 60_000 },
    async () => {
      const storm = { throttle: { status: 429 as const, retryAfterSeconds: 1, from: 1, count: 25 } };
      const operations = await Promise.all([
        start({ ...storm, durationMs: 2000, outcome: "succeeded" }),
        start({ ...storm, durationMs: 2000, outcome: "failed" }),
      ]);
      const finals = await Promise.all(operations.map((one) => followToEnd(one.monitorUrl, one.requestUrl)));
      operations.forEach((operation, index) => {
        const record = recordOf(operation.monitorUrl);
        expect(finals[index]!.status).toBe(record.finalStatus);
        // 25 throttled polls, then the answer with the end.
        expect(record.polls).toBe(26);
      });
      expect(finals.map((final) => final.status)).toEqual(["succeeded", "failed"]);
    },
  );
});
