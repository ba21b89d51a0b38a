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

// Real time against a real server: 16 s (the storm test runs beside it, in its own file).
describe("Retry-After after many 429s against the simulator (real time)", () => {
  it(
    "eight 429s with Retry-After: 2 are followed at 2 s each, not stretched by backoff",
    { timeout: 60_000 },
    async () => {
      const operation = await start({
        throttle: { status: 429, retryAfterSeconds: 2, from: 1, count: 8 },
        durationMs: 1000,
      });
      const final = await followToEnd(operation.monitorUrl, operation.requestUrl);
      expect(final.status).toBe("succeeded");
      const { pollTimes } = recordOf(operation.monitorUrl);
      expect(pollTimes).toHaveLength(9);
      const gaps = pollTimes.slice(1).map((time, index) => time - pollTimes[index]!);
      // Backoff would stretch the gaps (up to doubling with each 429); a loaded machine only delays a timer.
      for (const gap of gaps) {
        expect(gap).toBeGreaterThanOrEqual(1990);
        expect(gap).toBeLessThan(3000);
      }
    },
  );
});
