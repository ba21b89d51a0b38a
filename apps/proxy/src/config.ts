import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parseByteSize, parseDuration } from "./config-values.js";
import { parseOriginPattern } from "./security/origin-pattern.js";

/**
 * The only reader of command-line flags and environment variables. Every setting has a flag
 * (`--data-dir`) and an environment variable (`LRO_PROXY_DATA_DIR`); a flag wins over the environment.
 * Repeatable flags take a comma-separated list in their environment variable.
 */
const settings = {
  upstream: { flag: "upstream", multiple: false },
  prefix: { flag: "prefix", multiple: true },
  host: { flag: "host", multiple: false },
  port: { flag: "port", multiple: false },
  dataDir: { flag: "data-dir", multiple: false },
  allowOrigin: { flag: "allow-origin", multiple: true },
  allowAddress: { flag: "allow-address", multiple: true },
  tokenOrigin: { flag: "token-origin", multiple: true },
  apiKey: { flag: "api-key", multiple: true },
  apiKeyFile: { flag: "api-key-file", multiple: false },
  jwksUrl: { flag: "jwks-url", multiple: false },
  jwtIssuer: { flag: "jwt-issuer", multiple: false },
  jwtAudience: { flag: "jwt-audience", multiple: false },
  retention: { flag: "retention", multiple: false },
  bodyLimit: { flag: "body-limit", multiple: false },
  maxHeaderSize: { flag: "max-header-size", multiple: false },
  rateLimit: { flag: "rate-limit", multiple: false },
  rateLimitWindow: { flag: "rate-limit-window", multiple: false },
  maxOperations: { flag: "max-operations", multiple: false },
  upstreamTimeout: { flag: "upstream-timeout", multiple: false },
  shutdownTimeout: { flag: "shutdown-timeout", multiple: false },
  logLevel: { flag: "log-level", multiple: false },
} as const;
type SettingName = keyof typeof settings;

/** The environment variable of a setting: `--data-dir` is `LRO_PROXY_DATA_DIR`. */
export function environmentVariableOf(name: SettingName): string {
  return `LRO_PROXY_${settings[name].flag.replaceAll("-", "_").toUpperCase()}`;
}

/** How a setting is named in error messages: `--data-dir (LRO_PROXY_DATA_DIR)`. */
export function settingLabel(name: SettingName): string {
  return `--${settings[name].flag} (${environmentVariableOf(name)})`;
}

/** Origins that serve Graph and its operation monitors; always on the egress allow-list. */
export const defaultAllowedOrigins = [
  "https://graph.microsoft.com",
  "https://*.sharepoint.com",
  "https://api.onedrive.com",
  "https://graph.microsoft.us",
  "https://dod-graph.microsoft.us",
  "https://microsoftgraph.chinacloudapi.cn",
] as const;

const text = (description: string) =>
  z
    .string({ error: `expected ${description}` })
    .trim()
    .min(1, { error: `expected ${description}` });

const httpUrl = (description: string) =>
  text(description).transform((value, context) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
      context.addIssue({ code: "custom", message: `expected ${description}, got "${value}"` });
      return z.NEVER;
    }
    return url;
  });

const integer = (minimum: number, maximum: number) =>
  text(`an integer from ${minimum} to ${maximum}`).transform((value, context) => {
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed >= minimum && parsed <= maximum)) {
      context.addIssue({
        code: "custom",
        message: `expected an integer from ${minimum} to ${maximum}, got "${value}"`,
      });
      return z.NEVER;
    }
    return parsed;
  });

const converted = <T>(description: string, convert: (value: string) => T | undefined) =>
  text(description).transform((value, context) => {
    const result = convert(value);
    if (result === undefined) {
      context.addIssue({ code: "custom", message: `expected ${description}, got "${value}"` });
      return z.NEVER;
    }
    return result;
  });

const duration = converted("a duration such as 500ms, 30s, 5m, 24h or 7d", parseDuration);
const byteSize = converted("a size such as 16kb, 1mb or 1048576 (bytes)", parseByteSize);

const originPatterns = z.array(
  text("an origin such as https://*.example.com or http://127.0.0.1:*").transform((value, context) => {
    const pattern = parseOriginPattern(value);
    if (typeof pattern === "string") {
      context.addIssue({ code: "custom", message: pattern });
      return z.NEVER;
    }
    return pattern;
  }),
);

const addressRanges = z.array(
  text("an IP address or CIDR range").refine((value) => isAddressRange(value), {
    error: (issue) =>
      `expected an IP address or CIDR range such as 127.0.0.1 or 10.0.0.0/8, got "${String(issue.input)}"`,
  }),
);

const apiKeys = z.array(
  z.string().refine((key) => key.length >= 16 && !/\s/.test(key), {
    error:
      "an API key must be at least 16 characters without spaces (generate one with: openssl rand -hex 32)",
  }),
);

const prefixes = z.array(
  text("a path prefix such as /v1.0").refine((value) => /^\/[\w.~-]+(\/[\w.~-]+)*$/.test(value), {
    error: (issue) => `expected a path prefix such as /v1.0 or /beta, got "${String(issue.input)}"`,
  }),
);

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const proxyConfigSchema = z
  .object({
    upstream: httpUrl("an http(s) URL such as https://graph.microsoft.com").default(
      new URL("https://graph.microsoft.com"),
    ),
    prefix: prefixes.min(1).default(["/v1.0", "/beta"]),
    host: text("a host name or address to listen on").default("127.0.0.1"),
    port: integer(0, 65535).default(8080),
    dataDir: text("a directory for the database").default(".lro-proxy"),
    allowOrigin: originPatterns.default([]),
    allowAddress: addressRanges.default([]),
    tokenOrigin: originPatterns.default([]),
    apiKey: apiKeys.default([]),
    jwksUrl: httpUrl("the https URL of a JSON Web Key Set").optional(),
    jwtIssuer: text("the issuer (iss) the JWTs must carry").optional(),
    jwtAudience: text("the audience (aud) the JWTs must carry").optional(),
    retention: duration.default(24 * 3_600_000),
    bodyLimit: byteSize.default(4 * 1024 * 1024),
    maxHeaderSize: byteSize.default(16 * 1024),
    rateLimit: integer(1, 1_000_000).default(600),
    rateLimitWindow: duration.default(60_000),
    maxOperations: integer(1, 10_000_000).default(1000),
    upstreamTimeout: duration.default(30_000),
    shutdownTimeout: duration.default(10_000),
    logLevel: z
      .enum(logLevels, {
        error: (issue) => `expected one of ${logLevels.join(", ")}, got "${String(issue.input)}"`,
      })
      .default("info"),
  })
  .superRefine((raw, context) => {
    if (raw.jwksUrl !== undefined && (raw.jwtIssuer === undefined || raw.jwtAudience === undefined)) {
      const missing = raw.jwtIssuer === undefined ? "jwtIssuer" : "jwtAudience";
      context.addIssue({ code: "custom", path: [missing], message: "is required when --jwks-url is set" });
    }
    if (raw.jwksUrl === undefined && (raw.jwtIssuer !== undefined || raw.jwtAudience !== undefined)) {
      context.addIssue({
        code: "custom",
        path: ["jwksUrl"],
        message: "is required when a JWT issuer or audience is set",
      });
    }
    if (raw.apiKey.length === 0 && raw.jwksUrl === undefined) {
      context.addIssue({
        code: "custom",
        path: ["apiKey"],
        message:
          "no client authentication is configured: give at least one API key (--api-key or --api-key-file) or --jwks-url",
      });
    }
  })
  .transform((raw) => ({
    upstream: raw.upstream,
    prefixes: raw.prefix,
    host: raw.host,
    port: raw.port,
    dataDir: raw.dataDir,
    egress: {
      allowOrigins: raw.allowOrigin,
      allowAddresses: raw.allowAddress,
      tokenOrigins: raw.tokenOrigin,
    },
    authentication: {
      apiKeys: raw.apiKey.map((key) => hashApiKey(key)),
      jwt:
        raw.jwksUrl !== undefined && raw.jwtIssuer !== undefined && raw.jwtAudience !== undefined
          ? { jwksUrl: raw.jwksUrl, issuer: raw.jwtIssuer, audience: raw.jwtAudience }
          : undefined,
    },
    retentionMs: raw.retention,
    limits: {
      bodyBytes: raw.bodyLimit,
      headerBytes: raw.maxHeaderSize,
      requestsPerWindow: raw.rateLimit,
      rateLimitWindowMs: raw.rateLimitWindow,
      operationsPerIdentity: raw.maxOperations,
      upstreamTimeoutMs: raw.upstreamTimeout,
    },
    shutdownTimeoutMs: raw.shutdownTimeout,
    logLevel: raw.logLevel,
  }));
export type ProxyConfig = z.output<typeof proxyConfigSchema>;

/** A configured API key, kept only as digests: `digest` for constant-time comparison, `identity` as the owner id. */
export interface ApiKeyDigest {
  digest: Buffer;
  identity: string;
}

export function hashApiKey(key: string): ApiKeyDigest {
  const digest = createHash("sha256").update(key).digest();
  const identity = createHash("sha256").update(`lro-proxy identity\0${key}`).digest("hex").slice(0, 16);
  return { digest, identity: `key-${identity}` };
}

function isAddressRange(value: string): boolean {
  const [address, bits, ...rest] = value.split("/");
  if (address === undefined || rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const prefix = /^\d+$/.test(bits) ? Number(bits) : -1;
  return prefix >= 0 && prefix <= (family === 4 ? 32 : 128);
}

/** A setting that stops start-up: its message names the flag and environment variable. */
export class ConfigError extends Error {
  readonly code = "invalidConfiguration";
  constructor(readonly problems: string[]) {
    super(`lro-proxy cannot start: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

export interface ConfigSources {
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
}

export type ParsedCommandLine = { help: true } | { help: false; config: ProxyConfig };

/** Parses flags and environment into a `ProxyConfig`; throws `ConfigError` naming every bad setting. */
export function parseConfig(sources: ConfigSources = {}): ProxyConfig {
  const parsed = parseCommandLine(sources);
  if (parsed.help) throw new ConfigError(["--help is not a setting"]);
  return parsed.config;
}

export function parseCommandLine({ argv = [], env = {} }: ConfigSources): ParsedCommandLine {
  const options = Object.fromEntries(
    Object.values(settings).map(({ flag, multiple }) => [flag, { type: "string" as const, multiple }]),
  );
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigError([`${(error as Error).message} (run lro-proxy --help for the settings)`]);
  }
  if (values.help === true) return { help: true };

  const raw: Record<string, unknown> = {};
  for (const [name, { flag, multiple }] of Object.entries(settings) as [
    SettingName,
    (typeof settings)[SettingName],
  ][]) {
    const fromFlag = values[flag];
    const fromEnvironment = env[environmentVariableOf(name)];
    if (fromFlag !== undefined) raw[name] = fromFlag;
    else if (fromEnvironment !== undefined && fromEnvironment.trim() !== "") {
      raw[name] = multiple ? splitList(fromEnvironment) : fromEnvironment;
    }
  }
  raw.apiKey = [...((raw.apiKey as string[] | undefined) ?? []), ...readApiKeyFile(raw.apiKeyFile)];
  delete raw.apiKeyFile;

  const result = proxyConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path[0] as SettingName | undefined;
        return name !== undefined && name in settings
          ? `${settingLabel(name)}: ${issue.message}`
          : issue.message;
      }),
    );
  }
  return { help: false, config: result.data };
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function readApiKeyFile(path: unknown): string[] {
  if (typeof path !== "string") return [];
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError([
      `${settingLabel("apiKeyFile")}: cannot read "${path}": ${(error as Error).message}`,
    ]);
  }
  return content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/** The `--help` text: every setting with its environment variable. */
export function usage(): string {
  const lines = Object.entries(settings).map(
    ([name, { flag, multiple }]) =>
      `  --${flag.padEnd(18)} ${environmentVariableOf(name as SettingName)}${multiple ? " (repeatable; comma-separated in the environment)" : ""}`,
  );
  return ["Usage: lro-proxy [settings]", "", "Settings (flag, environment variable):", ...lines].join("\n");
}
