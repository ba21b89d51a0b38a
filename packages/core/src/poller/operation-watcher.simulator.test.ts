import { combineLatest, lastValueFrom } from "rxjs";
import { describe, expect, it } from "vitest";
import { resolveMonitorUrl } from "./monitor-url.js";
import { createOperationWatcher } from "./operation-watcher.js";
import { useSimulator } from "./test-support/simulator.js";

const test = useSimulator({ durationMs: 400 });

describe("createOperationWatcher against the simulator", () => {
  it("follows many operations, each monitor polled once however many subscribers", async () => {
    const requestUrl = new URL(
      `${test.simulator.url}/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub`,
    );
    const monitors = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const response = await test.transport.request({ method: "POST", url: requestUrl, headers: {} });
        return resolveMonitorUrl(response.headers["location"] ?? "", requestUrl);
      }),
    );
    const watcher = createOperationWatcher({ transport: test.transport, requestUrl });
    const finals = await Promise.all(
      monitors.map((monitor) =>
        lastValueFrom(combineLatest([watcher.watch(monitor), watcher.watch(monitor)])),
      ),
    );
    for (const [first, second] of finals) {
      expect(first.status).toBe("succeeded");
      expect(second).toBe(first);
    }
    const records = test.simulator.operations();
    expect(records).toHaveLength(20);
    // One poll stream per monitor: two would at least double the polls of every operation (2-3 each).
    for (const record of records) expect(record.polls).toBeLessThanOrEqual(3);
    expect(watcher.size).toBe(0);
  });
});
