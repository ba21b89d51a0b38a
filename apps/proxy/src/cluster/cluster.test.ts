import { describe, expect, it } from "vitest";
import { postgresAvailable } from "../store/postgres/test-support/test-database.js";
import { eventually, type InstanceProcess } from "./test-support/cluster-processes.js";
import { useThreeInstances } from "./test-support/three-instances.js";
import { readEventStream } from "./test-support/event-stream.js";

const available = await postgresAvailable();
const apiKey = "cluster-test-key-0123456789";
const operationCount = 45;
const retryAfterMs = 1000;
const leaseMs = 3000;

interface WireOperation {
  id: string;
  status: string;
  monitorUrl: string;
  version: number;
}

async function pollsMade(instance: InstanceProcess): Promise<number> {
  const metrics = await (await fetch(`${instance.url}/metrics`, { headers: { "x-api-key": apiKey } })).text();
  return [...metrics.matchAll(/^lro_proxy_polls_total\{[^}]*\} (\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

describe.runIf(available)("a cluster of three proxies on one PostgreSQL database", () => {
  const cluster = useThreeInstances({
    apiKey,
    simulator: { defaults: { durationMs: 7000, retryAfterSeconds: retryAfterMs / 1000, progress: "linear" } },
    leaseMs,
    upstreamTimeoutMs: leaseMs - 500,
    flags: ["--max-operations", "1000", "--rate-limit", "100000"],
  });

  it("acts as one proxy and loses no operation when an instance is killed", async () => {
    const { simulator, instances, call } = cluster;
    const [doomed, survivor, watcher] = instances;

    // Every change reaches the event stream of the third instance, whoever polled it.
    const streamAbort = new AbortController();
    const stream = await call(`${watcher.url}/operations/events`, { signal: streamAbort.signal });
    expect(stream.status).toBe(200);
    const streamed = new Map<string, WireOperation[]>();
    const versions: number[] = [];
    const reading = readEventStream(stream, (event) => {
      if (event.event !== "operation") return;
      const operation = JSON.parse(event.data) as WireOperation;
      versions.push(Number(event.id));
      streamed.set(operation.id, [...(streamed.get(operation.id) ?? []), operation]);
    }).catch((error: unknown) => error);

    // Clients call Graph through any instance.
    const started = await Promise.all(
      Array.from({ length: operationCount }, async (_, index) => {
        const instance = instances[index % 3] as InstanceProcess;
        const response = await call(`${instance.url}/v1.0/teams/t${index}/clone`, { method: "POST" });
        expect(response.status).toBe(202);
        const operation = (await response.json()) as WireOperation;
        expect(response.headers.get("location")).toBe(`${instance.url}/v1.0/operations/${operation.id}`);
        return operation;
      }),
    );
    const ids = started.map((operation) => operation.id);

    // Kill one instance mid-run: once every operation was polled and this instance took its share.
    await eventually(
      async () =>
        simulator.operations().every((record) => record.polls >= 1) && (await pollsMade(doomed)) > 0,
      "every operation was polled, some by the instance to kill",
    );
    doomed.child.kill("SIGKILL");
    expect(await doomed.exited).toBe("SIGKILL");
    const upstreamStillRunning = simulator.operations().filter((record) => record.terminalAt > Date.now());
    expect(upstreamStillRunning.length).toBeGreaterThan(0);

    // Any surviving instance answers for any operation, and every one of them ends.
    const ended = await Promise.all(
      ids.map(async (id) => {
        for (;;) {
          const response = await call(`${survivor.url}/operations/${id}?wait=20`);
          expect(response.status).toBe(200);
          const operation = (await response.json()) as WireOperation;
          if (operation.status !== "running" && operation.status !== "notStarted") return operation;
        }
      }),
    );
    expect(ended.map((operation) => operation.status)).toEqual(ids.map(() => "succeeded"));

    const listed = (await (await call(`${watcher.url}/operations?$top=100`)).json()) as {
      value: WireOperation[];
    };
    expect(listed.value.map((operation) => operation.id).sort()).toEqual([...ids].sort());

    // The upstream saw each operation polled on its schedule: never two polls for one due time.
    const records = simulator.operations();
    expect(records).toHaveLength(operationCount);
    for (const record of records) {
      const gaps = record.pollTimes.slice(1).map((time, index) => time - (record.pollTimes[index] as number));
      expect(
        Math.min(...gaps),
        `polls of ${record.id} at ${record.pollTimes.join(", ")}`,
      ).toBeGreaterThanOrEqual(retryAfterMs - 10);
      const lastPoll = record.pollTimes.at(-1) as number;
      expect(lastPoll).toBeGreaterThanOrEqual(record.terminalAt);
      expect(lastPoll - record.terminalAt).toBeLessThan(leaseMs + retryAfterMs + 3000);
    }
    expect(await pollsMade(survivor)).toBeGreaterThan(0);
    expect(await pollsMade(watcher)).toBeGreaterThan(0);

    // The stream of the third instance saw every operation end, with versions in order.
    await eventually(
      () => ids.every((id) => streamed.get(id)?.some((operation) => operation.status === "succeeded")),
      "the event stream showed every end",
      5000,
    );
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    streamAbort.abort();
    await reading;
  }, 60_000);
});
