import { spawnSync } from "node:child_process";
import { startSimulator, type Simulator } from "@lro/simulator";
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

let simulator: Simulator | undefined;
let upstream: RecordingUpstream | undefined;
let proxy: TestProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  await simulator?.close();
  await upstream?.close();
});

const promtool = (() => {
  const found = spawnSync("promtool", ["--version"], { stdio: "ignore" });
  return found.status === 0 ? "promtool" : undefined;
})();

/**
 * The Prometheus text format as promtool's linter reads it, checked strictly: each family's HELP and TYPE
 * once and before its samples, counters named `_total`, names and label names of the allowed alphabet,
 * label values escaped, no sample twice.
 */
function exposition(text: string): { families: Map<string, string>; samples: string[] } {
  const families = new Map<string, string>();
  const samples: string[] = [];
  const seen = new Set<string>();
  const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta !== null) {
      const [, kind, family, rest] = meta;
      expect(family).toMatch(name);
      if (kind === "TYPE") {
        expect(families.has(family!), `TYPE of ${family} twice`).toBe(false);
        expect(["counter", "gauge", "histogram", "summary", "untyped"]).toContain(rest);
        if (rest === "counter") expect(family, `counter ${family} must end in _total`).toMatch(/_total$/);
        else expect(family, `${rest} ${family} must not end in _total`).not.toMatch(/_total$/);
        families.set(family!, rest!);
      }
      continue;
    }
    const sample =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)( \d+)?$/.exec(
        line,
      );
    expect(sample, `not a sample line: ${line}`).not.toBeNull();
    const family = [...families.keys()].find(
      (known) =>
        sample![1] === known ||
        (/^(_bucket|_sum|_count|_total|_created)$/.test(sample![1]!.slice(known.length)) &&
          sample![1]!.startsWith(known)),
    );
    expect(family, `sample before its TYPE: ${line}`).toBeDefined();
    const key = `${sample![1]}${sample![2] ?? ""}`;
    expect(seen.has(key), `sample twice: ${key}`).toBe(false);
    seen.add(key);
    samples.push(line);
  }
  return { families, samples };
}

describe("/metrics", () => {
  it("is well-formed exposition text (promtool check metrics clean when promtool is installed)", async () => {
    simulator = await startSimulator();
    proxy = await startTestProxy(simulator.url, [], { processMetrics: true });
    const headers = { "x-api-key": testApiKey };
    await rawRequest(`${proxy.url}/v1.0/teams/t1/clone`, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        "x-simulator-scenario": '{"durationMs":200}',
      },
      body: "{}",
    });
    await rawRequest(`${proxy.url}/operations`, { headers });
    const text = (await rawRequest(`${proxy.url}/metrics`)).body.toString();
    const { families } = exposition(text);
    expect(families.get("lro_proxy_http_requests_total")).toBe("counter");
    expect(families.get("lro_proxy_waiting_requests")).toBe("gauge");

    if (promtool === undefined) {
      console.warn(
        "promtool is not installed (Debian: apt-get install prometheus): its check of /metrics is skipped",
      );
      return;
    }
    const result = spawnSync(promtool, ["check", "metrics"], { input: text, encoding: "utf8" });
    expect(`${result.stdout}${result.stderr}`.trim()).toBe("");
    expect(result.status).toBe(0);
  });

  it("keeps route labels to a fixed list: 200 case variants of paths add no series", async () => {
    simulator = await startSimulator();
    proxy = await startTestProxy(simulator.url);
    const headers = { "x-api-key": testApiKey };
    const variants = (path: string, count: number) =>
      Array.from({ length: count }, (_unused, index) =>
        [...path]
          .map((character, position) => ((index >> position) & 1 ? character.toUpperCase() : character))
          .join(""),
      );
    for (const path of variants("/operations", 100))
      await rawRequest(`${proxy.url}${path}/nothing-here`, { headers });
    for (const path of variants("/healthz", 60)) await rawRequest(`${proxy.url}${path}`);
    for (const path of variants("/unknown", 40)) await rawRequest(`${proxy.url}${path}`, { headers });
    const text = (await rawRequest(`${proxy.url}/metrics`)).body.toString();
    const routes = new Set(
      text
        .split("\n")
        .filter((line) => line.startsWith("lro_proxy_http_requests_total{"))
        .map((line) => /route="([^"]*)"/.exec(line)?.[1]),
    );
    expect([...routes].sort()).toEqual(["/healthz", "/operations", "other"]);
  });

  it("counts an egress refusal at adoption, and never counts a client that left as an upstream failure", async () => {
    upstream = await startRecordingUpstream((_request, response) => {
      setTimeout(() => response.end("{}"), 1500);
    });
    proxy = await startTestProxy(upstream.url);
    const headers = { "x-api-key": testApiKey };
    const refused = await rawRequest(`${proxy.url}/operations`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ monitorUrl: "https://monitor.example.org/operations/1" }),
    });
    expect(refused.status).toBe(403);
    expect((await proxy.metrics.egressDenied.get()).values).toEqual([
      expect.objectContaining({ labels: { target: "monitor" }, value: 1 }),
    ]);

    const controller = new AbortController();
    const left = fetch(`${proxy.url}/v1.0/slow`, { headers, signal: controller.signal }).catch(
      (error: unknown) => error,
    );
    await expect.poll(() => upstream!.received.length).toBe(1);
    controller.abort();
    await left;
    await expect.poll(() => proxy!.logs()).toContain("client left before the upstream answered");
    expect((await proxy.metrics.upstreamErrors.get()).values).toEqual([]);
    const errorLines = proxy
      .logs()
      .split("\n")
      .filter((line) => line.includes('"level":50'));
    expect(errorLines).toEqual([]);
  });

  it("advertises the request rate limit on the proxy's own answers (RateLimit, RateLimit-Policy), not on forwarded ones", async () => {
    upstream = await startRecordingUpstream();
    proxy = await startTestProxy(upstream.url, ["--rate-limit", "3", "--rate-limit-window", "30s"]);
    const headers = { "x-api-key": testApiKey };
    const own = await rawRequest(`${proxy.url}/operations`, { headers });
    expect(own.headers["ratelimit-policy"]).toBe('"requests";q=3;w=30');
    expect(own.headers.ratelimit).toMatch(/^"requests";r=2;t=\d+$/);
    const forwarded = await rawRequest(`${proxy.url}/v1.0/me`, { headers });
    expect(forwarded.headers.ratelimit).toBeUndefined();
    await rawRequest(`${proxy.url}/operations`, { headers });
    const refused = await rawRequest(`${proxy.url}/v1.0/me`, { headers });
    expect(refused.status).toBe(429);
    expect(refused.headers.ratelimit).toMatch(/^"requests";r=0;t=\d+$/);
    expect(refused.headers["ratelimit-policy"]).toBe('"requests";q=3;w=30');
  });
});
