import { describe, expect, it } from "vitest";
import { postgresAvailable } from "../store/postgres/test-support/test-database.js";
import { eventually, type InstanceProcess } from "./test-support/cluster-processes.js";
import { useThreeInstances } from "./test-support/three-instances.js";

const available = await postgresAvailable();
const apiKey = "cluster-load-key-0123456789";
// 400 operations asking for a poll every 2 s: 200 polls a second for three instances, one of them killed.
const operationCount = 400;
const retryAfterMs = 2000;
// The simulator runs in this (loaded) test process and may accept a connection many seconds late (17 s was
// seen at a load average of 12 on 2 cores). It counts a poll when it reads the request, so a request the
// proxy had already given up on (its upstream timeout) would be counted after the proxy's next try and look
// like a second poll within the Retry-After. The upstream timeout is longer than those stalls, so every
// poll the simulator counts is one the proxy waited for, and the gaps it records are the proxy's own. A
// poll starts only while its lease outlasts the upstream timeout: 15 s of margin for a loaded machine's
// delays (a late event loop, a slow database) before another instance may take the row.
const upstreamTimeoutMs = 30_000;
const leaseMs = 45_000;

async function inParallel(count: number, width: number, task: (index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) await task(index);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

describe.runIf(available)("a cluster under load loses a process to SIGKILL", () => {
  const cluster = useThreeInstances({
    apiKey,
    leaseMs,
    upstreamTimeoutMs,
    flags: ["--max-operations", "10000", "--rate-limit", "1000000", "--poll-batch", "100"],
  });

  it("loses no operation and polls none twice within a lease: the survivors take over the killed one's rows", async () => {
    const { simulator, instances, call } = cluster;
    const [doomed, ...survivors] = instances;
    // Long enough to be running when the instance dies, with a few polls before and after.
    const scenario = JSON.stringify({
      durationMs: 40_000,
      progress: "linear",
      monitorRetryAfterSeconds: retryAfterMs / 1000,
    });
    const ids: string[] = new Array<string>(operationCount);
    await inParallel(operationCount, 16, async (index) => {
      const started = await fetch(`${simulator.url}/v1.0/teams/t${index}/clone`, {
        method: "POST",
        headers: { "x-simulator-scenario": scenario },
      });
      await started.arrayBuffer();
      const monitorUrl = `${simulator.url}/v1.0${started.headers.get("location") ?? ""}`;
      const instance = instances[index % 3] as InstanceProcess;
      const adopted = await call(`${instance.url}/operations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ monitorUrl }),
      });
      expect(adopted.status).toBe(202);
      ids[index] = ((await adopted.json()) as { id: string }).id;
    });

    // Under load: every operation polled at least twice, then the kill, with polls in flight and rows held.
    await eventually(
      () => simulator.operations().every((record) => record.polls >= 2),
      "every operation was polled twice",
      30_000,
    );
    doomed.child.kill("SIGKILL");
    expect(await doomed.exited).toBe("SIGKILL");
    const killedAt = Date.now();
    expect(simulator.operations().filter((record) => record.terminalAt > killedAt).length).toBeGreaterThan(
      operationCount / 4,
    );

    // Nothing lost: every operation is seen to end, through either survivor.
    await eventually(
      async () => {
        const response = await call(`${survivors[0].url}/operations?$top=1000&$filter=status eq 'succeeded'`);
        const { value } = (await response.json()) as { value: unknown[] };
        return value.length === operationCount;
      },
      "every operation was seen to end",
      90_000,
      250,
    );

    // No double poll: the upstream saw each operation's polls at least its Retry-After apart, before and
    // after the kill; the end was seen within a lease and a Retry-After (and the load's delays).
    const records = simulator.operations();
    expect(records).toHaveLength(operationCount);
    let closest = Infinity;
    for (const record of records) {
      const gaps = record.pollTimes.slice(1).map((time, index) => time - (record.pollTimes[index] as number));
      closest = Math.min(closest, ...gaps);
      expect(
        Math.min(...gaps),
        `polls of ${record.id} at ${record.pollTimes.join(", ")}`,
      ).toBeGreaterThanOrEqual(retryAfterMs - 10);
      const lastPoll = record.pollTimes.at(-1) as number;
      expect(lastPoll).toBeGreaterThanOrEqual(record.terminalAt);
      expect(lastPoll - record.terminalAt).toBeLessThan(leaseMs + retryAfterMs + 5000);
    }
    expect(closest).toBeGreaterThanOrEqual(retryAfterMs - 10);
  }, 200_000);
});
