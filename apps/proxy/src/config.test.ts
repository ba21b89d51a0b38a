import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, hashApiKey, parseCommandLine, parseConfig, usage } from "./config.js";

const key = "k".repeat(32);

function problemsOf(argv: string[], env: Record<string, string> = {}): string[] {
  try {
    parseConfig({ argv, env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("parseConfig", () => {
  it("applies the defaults", () => {
    const config = parseConfig({ argv: ["--api-key", key] });
    expect(config.upstream.href).toBe("https://graph.microsoft.com/");
    expect(config.prefixes).toEqual(["/v1.0", "/beta"]);
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 8080,
      dataDir: ".lro-proxy",
      retentionMs: 86_400_000,
      operationDeadlineMs: 7 * 86_400_000,
    });
    expect(config.limits).toEqual({
      bodyBytes: 4 * 1024 * 1024,
      headerBytes: 16 * 1024,
      monitorAnswerBytes: 1024 * 1024,
      requestsPerWindow: 600,
      rateLimitWindowMs: 60_000,
      operationsPerIdentity: 1000,
      eventStreamsPerIdentity: 20,
      waitsPerIdentity: 100,
      upstreamTimeoutMs: 30_000,
    });
  });

  it("reads every setting from flags", () => {
    const config = parseConfig({
      argv: [
        "--upstream=http://127.0.0.1:4000",
        "--port",
        "0",
        "--host",
        "0.0.0.0",
        "--data-dir",
        "/tmp/x",
        "--allow-origin",
        "http://127.0.0.1:*",
        "--allow-origin",
        "https://*.example.com",
        "--allow-address",
        "10.0.0.0/8",
        "--api-key",
        key,
        "--jwks-url",
        "http://127.0.0.1:9/jwks.json",
        "--jwt-issuer",
        "issuer",
        "--jwt-audience",
        "lro",
        "--retention",
        "90m",
        "--body-limit",
        "1mb",
        "--max-header-size",
        "8kb",
        "--rate-limit",
        "5",
        "--rate-limit-window",
        "10s",
        "--max-operations",
        "3",
        "--max-event-streams",
        "4",
        "--max-waits",
        "6",
        "--upstream-timeout",
        "2.5s",
        "--log-level",
        "warn",
        "--prefix",
        "/v1.0",
      ],
    });
    expect(config.upstream.origin).toBe("http://127.0.0.1:4000");
    expect(config.egress.allowOrigins).toEqual([
      { protocol: "http:", host: "127.0.0.1", port: "*" },
      { protocol: "https:", host: "*.example.com", port: "" },
    ]);
    expect(config.egress.allowAddresses).toEqual(["10.0.0.0/8"]);
    expect(config.authentication.jwt).toEqual({
      jwksUrl: new URL("http://127.0.0.1:9/jwks.json"),
      issuer: "issuer",
      audience: "lro",
    });
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 0,
      dataDir: "/tmp/x",
      retentionMs: 5_400_000,
      logLevel: "warn",
    });
    expect(config.prefixes).toEqual(["/v1.0"]);
    expect(config.limits).toEqual({
      bodyBytes: 1024 * 1024,
      headerBytes: 8192,
      monitorAnswerBytes: 1024 * 1024,
      requestsPerWindow: 5,
      rateLimitWindowMs: 10_000,
      operationsPerIdentity: 3,
      eventStreamsPerIdentity: 4,
      waitsPerIdentity: 6,
      upstreamTimeoutMs: 2500,
    });
  });

  it("reads environment variables, lists comma-separated, and lets flags win", () => {
    const config = parseConfig({
      argv: ["--port", "9000"],
      env: {
        LRO_PROXY_PORT: "7000",
        LRO_PROXY_API_KEY: `${key}, ${"z".repeat(20)}`,
        LRO_PROXY_ALLOW_ORIGIN: "http://127.0.0.1:*,https://a.example",
        LRO_PROXY_RETENTION: "2d",
      },
    });
    expect(config.port).toBe(9000);
    expect(config.authentication.apiKeys).toHaveLength(2);
    expect(config.egress.allowOrigins.map((origin) => origin.host)).toEqual(["127.0.0.1", "a.example"]);
    expect(config.retentionMs).toBe(2 * 86_400_000);
    expect(parseConfig({ argv: ["--api-key", key, "--operation-deadline", "36h"] }).operationDeadlineMs).toBe(
      36 * 3_600_000,
    );
  });

  it("keeps API keys only as digests", () => {
    const config = parseConfig({ argv: ["--api-key", key] });
    expect(config.authentication.apiKeys).toEqual([hashApiKey(key)]);
    expect(JSON.stringify(config)).not.toContain(key);
    expect(hashApiKey(key).identity).toMatch(/^key-[0-9a-f]{16}$/);
  });

  it("reads API keys from a file, skipping blank lines and comments", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lro-proxy-config-")), "keys");
    writeFileSync(file, `# clients\n${key}\n\n${"y".repeat(24)}\n`);
    expect(parseConfig({ argv: ["--api-key-file", file] }).authentication.apiKeys).toEqual([
      hashApiKey(key),
      hashApiKey("y".repeat(24)),
    ]);
  });

  it.each([
    [["--port", "http"], "--port (LRO_PROXY_PORT): expected an integer from 0 to 65535"],
    [["--port", "70000"], "--port (LRO_PROXY_PORT): expected an integer from 0 to 65535"],
    [["--upstream", "ftp://graph"], "--upstream (LRO_PROXY_UPSTREAM): expected an http(s) URL"],
    [["--retention", "1 week"], "--retention (LRO_PROXY_RETENTION): expected a duration"],
    [["--body-limit", "lots"], "--body-limit (LRO_PROXY_BODY_LIMIT): expected a size"],
    [["--max-header-size=0"], "--max-header-size (LRO_PROXY_MAX_HEADER_SIZE): expected a size"],
    [["--rate-limit", "0"], "--rate-limit (LRO_PROXY_RATE_LIMIT): expected an integer from 1"],
    [
      ["--rate-limit-window", "fast"],
      "--rate-limit-window (LRO_PROXY_RATE_LIMIT_WINDOW): expected a duration",
    ],
    [["--max-operations", "x"], "--max-operations (LRO_PROXY_MAX_OPERATIONS): expected an integer"],
    [["--upstream-timeout", "10"], "--upstream-timeout (LRO_PROXY_UPSTREAM_TIMEOUT): expected a duration"],
    [["--shutdown-timeout", "soon"], "--shutdown-timeout (LRO_PROXY_SHUTDOWN_TIMEOUT): expected a duration"],
    [["--log-level", "loud"], "--log-level (LRO_PROXY_LOG_LEVEL): expected one of fatal, error"],
    [
      ["--allow-origin", "https://a.example/path"],
      "--allow-origin (LRO_PROXY_ALLOW_ORIGIN): expected an origin",
    ],
    [
      ["--allow-address", "10.0.0.0/33"],
      "--allow-address (LRO_PROXY_ALLOW_ADDRESS): expected an IP address or CIDR",
    ],
    [["--token-origin", "graph"], "--token-origin (LRO_PROXY_TOKEN_ORIGIN): expected an origin"],
    [["--prefix", "v1.0"], "--prefix (LRO_PROXY_PREFIX): expected a path prefix"],
    [
      ["--prefix", "/Operations"],
      '--prefix (LRO_PROXY_PREFIX): "/Operations" is one of the proxy\'s own paths',
    ],
    [
      ["--prefix", "/metrics/v1"],
      '--prefix (LRO_PROXY_PREFIX): "/metrics/v1" is one of the proxy\'s own paths',
    ],
    [["--data-dir", " "], "--data-dir (LRO_PROXY_DATA_DIR): expected a directory"],
    [["--host", ""], "--host (LRO_PROXY_HOST): expected a host name"],
    [["--jwks-url", "not a url"], "--jwks-url (LRO_PROXY_JWKS_URL): expected the https URL"],
  ])("names the bad setting %j", (argv, message) => {
    expect(problemsOf([...argv, "--api-key", key]).join("\n")).toContain(message);
  });

  it("names a bad environment variable too", () => {
    expect(problemsOf([], { LRO_PROXY_PORT: "eighty", LRO_PROXY_API_KEY: key })).toEqual([
      '--port (LRO_PROXY_PORT): expected an integer from 0 to 65535, got "eighty"',
    ]);
  });

  it("refuses short API keys without echoing them", () => {
    const [problem] = problemsOf(["--api-key", "short-secret"]);
    expect(problem).toContain("--api-key (LRO_PROXY_API_KEY): an API key must be at least 16 characters");
    expect(problem).not.toContain("short-secret");
  });

  it("refuses to start without client authentication", () => {
    expect(problemsOf([])).toEqual([
      "--api-key (LRO_PROXY_API_KEY): no client authentication is configured: give at least one API key (--api-key or --api-key-file) or --jwks-url",
    ]);
  });

  it("requires the issuer and audience with a JWKS URL", () => {
    expect(problemsOf(["--jwks-url", "https://login.example/keys", "--jwt-issuer", "i"])).toEqual([
      "--jwt-audience (LRO_PROXY_JWT_AUDIENCE): is required when --jwks-url is set",
    ]);
    expect(problemsOf(["--api-key", key, "--jwt-issuer", "i"])).toContain(
      "--jwks-url (LRO_PROXY_JWKS_URL): is required when a JWT issuer or audience is set",
    );
  });

  it("names an unreadable API key file", () => {
    expect(problemsOf(["--api-key-file", "/nonexistent/keys"])[0]).toMatch(
      /^--api-key-file \(LRO_PROXY_API_KEY_FILE\): cannot read "\/nonexistent\/keys"/,
    );
  });

  it("refuses unknown flags and names them", () => {
    expect(problemsOf(["--upstrem", "x"])[0]).toContain("--upstrem");
  });

  it("reports every bad setting at once", () => {
    expect(problemsOf(["--port", "x", "--retention", "y"])).toHaveLength(2);
  });

  it("answers --help with the settings", () => {
    expect(parseCommandLine({ argv: ["--help"] })).toEqual({ help: true });
    expect(usage()).toContain("--allow-origin");
    expect(usage()).toContain("LRO_PROXY_JWKS_URL");
  });
});

describe("the drop-in settings", () => {
  const key = ["--api-key", "k".repeat(20)];

  it("read --public-url, --trust-proxy and --tls-cert/--tls-key (files or PEM in the environment)", () => {
    const directory = mkdtempSync(join(tmpdir(), "lro-proxy-config-"));
    const cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    writeFileSync(join(directory, "cert.pem"), cert);
    const config = parseConfig({
      argv: [
        ...key,
        "--public-url",
        "https://lro.example.com/graph",
        "--trust-proxy",
        "loopback",
        "--trust-proxy",
        "10.0.0.0/8",
        "--tls-cert",
        join(directory, "cert.pem"),
      ],
      env: { LRO_PROXY_TLS_KEY: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----" },
    });
    expect(config.publicUrl?.href).toBe("https://lro.example.com/graph");
    expect(config.trustProxy).toEqual(["loopback", "10.0.0.0/8"]);
    expect(config.tls).toEqual({ cert, key: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----" });
    expect(parseConfig({ argv: [...key, "--trust-proxy", "2"] }).trustProxy).toBe(2);
    expect(parseConfig({ argv: key }).trustProxy).toBeUndefined();
  });

  it.each([
    [
      ["--tls-cert", "/nonexistent/cert.pem", "--tls-key", "/nonexistent/key.pem"],
      /--tls-cert \(LRO_PROXY_TLS_CERT\): cannot read "\/nonexistent\/cert.pem"/,
    ],
    [["--tls-key", "/dev/null"], /--tls-/],
    [
      ["--public-url", "https://lro.example.com/?x=1"],
      /--public-url \(LRO_PROXY_PUBLIC_URL\): expected a URL without query/,
    ],
    [
      ["--trust-proxy", "everyone"],
      /--trust-proxy \(LRO_PROXY_TRUST_PROXY\): expected a number of proxy hops/,
    ],
    [["--trust-proxy", "1", "--trust-proxy", "loopback"], /expected a number of proxy hops.*got "1"/],
  ])("refuses %j, saying why", (argv, message) => {
    expect(() => parseConfig({ argv: [...key, ...argv] })).toThrow(message);
  });
});

describe("the browser settings", () => {
  const key = ["--api-key", "k".repeat(20)];
  const secret = "ab".repeat(32);

  it("read --cors-origin (flags or a comma-separated variable), normalised as browsers write Origin", () => {
    const fromFlags = parseConfig({
      argv: [...key, "--cors-origin", "https://App.Example.com/", "--cors-origin", "http://localhost:5173"],
    });
    expect(fromFlags.cors.origins).toEqual(["https://app.example.com", "http://localhost:5173"]);
    const fromEnvironment = parseConfig({
      argv: key,
      env: { LRO_PROXY_CORS_ORIGIN: "https://a.example.com, https://b.example.com:8443" },
    });
    expect(fromEnvironment.cors.origins).toEqual(["https://a.example.com", "https://b.example.com:8443"]);
    expect(parseConfig({ argv: key }).cors.origins).toEqual([]);
  });

  it.each([
    "*",
    "https://*.example.com",
    "https://app.example.com/path",
    "app.example.com",
    "null",
    "ftp://x",
  ])("refuses the CORS origin %j", (origin) => {
    expect(() => parseConfig({ argv: [...key, "--cors-origin", origin] })).toThrow(
      /--cors-origin \(LRO_PROXY_CORS_ORIGIN\): expected an exact origin/,
    );
  });

  it("read the stream token key (flag, variable or file) and lifetime; a bad key is never quoted", () => {
    expect(parseConfig({ argv: key }).streamTokens).toEqual({ secret: undefined, lifetimeMs: 300_000 });
    const directory = mkdtempSync(join(tmpdir(), "lro-proxy-config-"));
    writeFileSync(join(directory, "stream.key"), `${secret}\n`);
    const fromFile = parseConfig({
      argv: [
        ...key,
        "--stream-token-secret-file",
        join(directory, "stream.key"),
        "--stream-token-lifetime",
        "90s",
      ],
    });
    expect(fromFile.streamTokens).toEqual({ secret: Buffer.from(secret, "hex"), lifetimeMs: 90_000 });
    const fromEnvironment = parseConfig({ argv: key, env: { LRO_PROXY_STREAM_TOKEN_SECRET: secret } });
    expect(fromEnvironment.streamTokens.secret).toEqual(Buffer.from(secret, "hex"));
    const problems = problemsOf([...key, "--stream-token-secret", "not-a-key-but-secret"]);
    expect(problems.join()).toMatch(/--stream-token-secret .*expected a 256-bit key/);
    expect(problems.join()).not.toContain("not-a-key-but-secret");
    expect(problemsOf([...key, "--stream-token-lifetime", "2h"]).join()).toMatch(/from 1s to 1h/);
  });
});
