import { afterEach, describe, expect, it, vi } from "vitest";
import { fastPacing } from "./test-support/fast-pacing.js";
import { alice, startHarness, type Harness } from "./test-support/tracking-harness.js";

vi.setConfig({ testTimeout: 20_000 });

let harness: Harness;
afterEach(async () => {
  await harness.close();
});

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe("forgetting an operation while its poll is under way", () => {
  it("sends no request to the monitor after the DELETE", async () => {
    const started = deferred();
    const gate = deferred();
    const finished = deferred();
    // The poll has begun (claimed, checks under way) but has not reached the monitor yet.
    const fetchAfterGate: typeof fetch = async (input, init) => {
      started.resolve();
      try {
        await gate.promise;
        return await fetch(input, init);
      } finally {
        finished.resolve();
      }
    };
    harness = await startHarness({ tracker: { pollOptions: { ...fastPacing, fetch: fetchAfterGate } } });
    const { monitorUrl, requestUrl } = await harness.startUpstream("/v1.0/teams/t1/clone", {
      durationMs: 60_000,
    });
    const record = await harness.tracker.adopt({ owner: alice.owner, monitorUrl, requestUrl });
    await started.promise;

    expect(await harness.tracker.forget(alice.owner, record.id)).toBe(true);
    gate.resolve();
    await finished.promise;

    expect(harness.simulator.operations().map((operation) => operation.polls)).toEqual([0]);
    expect(await harness.store.get(alice.owner, record.id)).toBeUndefined();
  });
});
