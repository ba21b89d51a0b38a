import { createTransport, type Transport } from "@lro/core";
import { afterEach, describe, expect, it } from "vitest";
import { alice, ended, startHarness, type Harness } from "./test-support/tracking-harness.js";

let harness: Harness;
afterEach(async () => {
  await harness.close();
});

describe("tracker: many operations", () => {
  it("follows many operations with a bounded number of polls in flight", async () => {
    const inner = createTransport();
    let inFlight = 0;
    let maxInFlight = 0;
    const counting: Transport = {
      async request(request) {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          return await inner.request(request);
        } finally {
          inFlight -= 1;
        }
      },
      close: () => inner.close(),
    };
    harness = await startHarness({
      tracker: {
        concurrency: 4,
        pollOptions: { interval: 20, minInterval: 5, maxDelay: 100, transport: counting },
      },
    });
    const ids: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
        durationMs: 100,
        slow: { delayMs: 10 },
      });
      ids.push((await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl })).id);
    }
    const finals = await Promise.all(ids.map((id) => ended(harness, alice.owner, id, 20_000)));
    expect(finals.every((record) => record.operation.status === "succeeded")).toBe(true);
    expect(maxInFlight).toBe(4);
    await inner.close();
  }, 30_000);
});
