import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../config.js";

const key = "cluster-config-key-0123456789";

describe("cluster settings", () => {
  it("keeps SQLite unless a database URL is given", () => {
    const config = parseConfig({ argv: ["--api-key", key] });
    expect(config.database).toBeUndefined();
    expect(config.leaseMs).toBe(120_000);
  });

  it("reads the database, its schema and the lease from flags or the environment", () => {
    const url = "postgres://lro@db.internal:5432/lro";
    expect(
      parseConfig({
        argv: ["--api-key", key, "--database-url", url, "--database-schema", "proxy_a", "--lease", "45s"],
      }),
    ).toMatchObject({ database: { url, schema: "proxy_a" }, leaseMs: 45_000 });
    expect(
      parseConfig({ argv: ["--api-key", key], env: { LRO_PROXY_DATABASE_URL: url, LRO_PROXY_LEASE: "1m" } }),
    ).toMatchObject({ database: { url, schema: "lro_proxy" }, leaseMs: 60_000 });
  });

  it("reads the polls in flight, per origin, and the batch size, the per-origin limit within the total", () => {
    expect(parseConfig({ argv: ["--api-key", key] }).polling).toEqual({
      inFlight: 512,
      inFlightPerOrigin: 256,
      batchSize: 500,
    });
    expect(
      parseConfig({
        argv: ["--api-key", key, "--polls-in-flight", "100", "--poll-batch", "50"],
        env: { LRO_PROXY_POLLS_IN_FLIGHT_PER_ORIGIN: "400" },
      }).polling,
    ).toEqual({ inFlight: 100, inFlightPerOrigin: 100, batchSize: 50 });
    expect(() => parseConfig({ argv: ["--api-key", key, "--poll-batch", "0"] })).toThrow(ConfigError);
  });

  it("accepts a lease longer than the upstream timeout", () => {
    expect(
      parseConfig({ argv: ["--api-key", key, "--lease", "5s", "--upstream-timeout", "4s"] }),
    ).toMatchObject({
      leaseMs: 5000,
      limits: { upstreamTimeoutMs: 4000 },
    });
  });

  it.each([
    [
      ["--database-url", "mysql://db/lro"],
      /--database-url \(LRO_PROXY_DATABASE_URL\): expected a PostgreSQL URL/,
    ],
    [
      ["--database-schema", "Proxy-A"],
      /--database-schema \(LRO_PROXY_DATABASE_SCHEMA\): expected a PostgreSQL schema name/,
    ],
    [["--lease", "soon"], /--lease \(LRO_PROXY_LEASE\): expected a duration/],
    [
      ["--lease", "5s"],
      /--lease \(LRO_PROXY_LEASE\): 5s does not exceed --upstream-timeout \(30s\): a poll still waiting/,
    ],
    [["--lease", "30s", "--upstream-timeout", "30s"], /--lease \(LRO_PROXY_LEASE\): 30s does not exceed/],
  ])("refuses %j, naming the setting", (flags, message) => {
    expect(() => parseConfig({ argv: ["--api-key", key, ...flags] })).toThrow(ConfigError);
    expect(() => parseConfig({ argv: ["--api-key", key, ...flags] })).toThrow(message);
  });
});
