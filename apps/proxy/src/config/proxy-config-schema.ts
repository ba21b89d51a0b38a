import { createHash } from "node:crypto";
import { z } from "zod";
import {
  addressRanges,
  apiKeys,
  byteSize,
  corsOrigins,
  duration,
  httpUrl,
  integer,
  originPatterns,
  pemFile,
  prefixes,
  secretKey,
  text,
  trustedProxies,
} from "./setting-schemas.js";
import { formatDuration } from "./durations-and-sizes.js";

/** Origins that serve Graph and its operation monitors; always on the egress allow-list. */
export const defaultAllowedOrigins = [
  "https://graph.microsoft.com",
  "https://*.sharepoint.com",
  "https://api.onedrive.com",
  "https://graph.microsoft.us",
  "https://dod-graph.microsoft.us",
  "https://microsoftgraph.chinacloudapi.cn",
] as const;

/** The forwarding prefixes when `--prefix` names none: Graph's two versions. */
export const defaultPrefixes = ["/v1.0", "/beta"];

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const proxyConfigSchema = z
  .object({
    upstream: httpUrl("an http(s) URL such as https://graph.microsoft.com").default(
      new URL("https://graph.microsoft.com"),
    ),
    prefix: prefixes.min(1).default(defaultPrefixes),
    host: text("a host name or address to listen on").default("127.0.0.1"),
    port: integer(0, 65535).default(8080),
    publicUrl: httpUrl("the proxy's public http(s) URL such as https://lro.example.com")
      .refine((url) => url.search === "" && url.hash === "" && url.username === "" && url.password === "", {
        error: "expected a URL without query, fragment or credentials, such as https://lro.example.com/graph",
      })
      .optional(),
    tlsCert: pemFile("a PEM certificate file (or the PEM itself)").optional(),
    tlsKey: pemFile("a PEM private key file (or the PEM itself)").optional(),
    dataDir: text("a directory for the database").default(".lro-proxy"),
    databaseUrl: text("a PostgreSQL URL such as postgres://user@host:5432/database")
      .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), {
        error: "expected a PostgreSQL URL such as postgres://user@host:5432/database",
      })
      .optional(),
    databaseSchema: text("a PostgreSQL schema name")
      .refine((value) => /^[a-z_][a-z0-9_]{0,62}$/.test(value), {
        error: (issue) =>
          `expected a PostgreSQL schema name of lower-case letters, digits and underscores, got "${String(issue.input)}"`,
      })
      .default("lro_proxy"),
    lease: duration.default(120_000),
    pollsInFlight: integer(1, 100_000).default(512),
    pollsInFlightPerOrigin: integer(1, 100_000).default(256),
    pollBatch: integer(1, 10_000).default(500),
    allowOrigin: originPatterns.default([]),
    allowAddress: addressRanges.default([]),
    tokenOrigin: originPatterns.default([]),
    corsOrigin: corsOrigins.default([]),
    streamTokenSecret: secretKey.optional(),
    streamTokenLifetime: duration
      .refine((ms) => ms >= 1000 && ms <= 3_600_000, {
        error: "expected a duration from 1s to 1h, such as 5m",
      })
      .default(5 * 60_000),
    apiKey: apiKeys.default([]),
    jwksUrl: httpUrl("the https URL of a JSON Web Key Set").optional(),
    jwtIssuer: text("the issuer (iss) the JWTs must carry").optional(),
    jwtAudience: text("the audience (aud) the JWTs must carry").optional(),
    retention: duration.default(24 * 3_600_000),
    operationDeadline: duration.default(7 * 86_400_000),
    bodyLimit: byteSize.default(4 * 1024 * 1024),
    maxHeaderSize: byteSize.default(16 * 1024),
    maxMonitorAnswer: byteSize.default(1024 * 1024),
    rateLimit: integer(1, 1_000_000).default(600),
    rateLimitWindow: duration.default(60_000),
    maxOperations: integer(1, 10_000_000).default(1000),
    maxEventStreams: integer(1, 100_000).default(20),
    maxWaits: integer(1, 100_000).default(100),
    upstreamTimeout: duration.default(30_000),
    shutdownTimeout: duration.default(10_000),
    trustProxy: trustedProxies.optional(),
    graphTenantId: text("a Microsoft Entra tenant id or domain").optional(),
    graphClientId: text("an application (client) id").optional(),
    graphClientSecret: text("the application's client secret").optional(),
    graphClientCertificate: text("a PEM file with the application's private key and certificate").optional(),
    graphAuthorityHost: httpUrl("an https URL such as https://login.microsoftonline.com")
      .refine((url) => url.protocol === "https:", {
        error: "expected an https URL such as https://login.microsoftonline.com",
      })
      .default(new URL("https://login.microsoftonline.com")),
    graphScope: text("a scope such as https://graph.microsoft.com/.default").default(
      "https://graph.microsoft.com/.default",
    ),
    tokenVaultKey: secretKey.optional(),
    logLevel: z
      .enum(logLevels, {
        error: (issue) => `expected one of ${logLevels.join(", ")}, got "${String(issue.input)}"`,
      })
      .default("info"),
  })
  .superRefine((raw, context) => {
    if ((raw.tlsCert === undefined) !== (raw.tlsKey === undefined)) {
      context.addIssue({
        code: "custom",
        path: [raw.tlsCert === undefined ? "tlsCert" : "tlsKey"],
        message: "is required with --tls-cert and --tls-key: give both, or neither",
      });
    }
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
    if (raw.lease <= raw.upstreamTimeout) {
      context.addIssue({
        code: "custom",
        path: ["lease"],
        message: `${formatDuration(raw.lease)} does not exceed --upstream-timeout (${formatDuration(raw.upstreamTimeout)}): a poll still waiting for its answer would be claimed and polled again; give a longer --lease or a shorter --upstream-timeout`,
      });
    }
    const appCredentials = [
      raw.graphTenantId,
      raw.graphClientId,
      raw.graphClientSecret,
      raw.graphClientCertificate,
    ];
    if (appCredentials.some((value) => value !== undefined)) {
      if (raw.graphTenantId === undefined || raw.graphClientId === undefined) {
        context.addIssue({
          code: "custom",
          path: [raw.graphTenantId === undefined ? "graphTenantId" : "graphClientId"],
          message:
            "is required for app-only Graph credentials (with --graph-tenant-id, --graph-client-id and a secret or certificate)",
        });
      }
      if ((raw.graphClientSecret === undefined) === (raw.graphClientCertificate === undefined)) {
        context.addIssue({
          code: "custom",
          path: ["graphClientSecret"],
          message:
            "app-only Graph credentials need exactly one of a client secret (--graph-client-secret-file or LRO_PROXY_GRAPH_CLIENT_SECRET) and a certificate (--graph-client-certificate-file)",
        });
      }
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
    publicUrl: raw.publicUrl,
    tls:
      raw.tlsCert !== undefined && raw.tlsKey !== undefined
        ? { cert: raw.tlsCert, key: raw.tlsKey }
        : undefined,
    dataDir: raw.dataDir,
    database:
      raw.databaseUrl === undefined ? undefined : { url: raw.databaseUrl, schema: raw.databaseSchema },
    leaseMs: raw.lease,
    polling: {
      inFlight: raw.pollsInFlight,
      inFlightPerOrigin: Math.min(raw.pollsInFlightPerOrigin, raw.pollsInFlight),
      batchSize: raw.pollBatch,
    },
    egress: {
      allowOrigins: raw.allowOrigin,
      allowAddresses: raw.allowAddress,
      tokenOrigins: raw.tokenOrigin,
    },
    cors: { origins: [...new Set(raw.corsOrigin)] },
    streamTokens: { secret: raw.streamTokenSecret, lifetimeMs: raw.streamTokenLifetime },
    authentication: {
      apiKeys: raw.apiKey.map((key) => hashApiKey(key)),
      jwt:
        raw.jwksUrl !== undefined && raw.jwtIssuer !== undefined && raw.jwtAudience !== undefined
          ? { jwksUrl: raw.jwksUrl, issuer: raw.jwtIssuer, audience: raw.jwtAudience }
          : undefined,
    },
    retentionMs: raw.retention,
    operationDeadlineMs: raw.operationDeadline,
    limits: {
      bodyBytes: raw.bodyLimit,
      headerBytes: raw.maxHeaderSize,
      monitorAnswerBytes: raw.maxMonitorAnswer,
      requestsPerWindow: raw.rateLimit,
      rateLimitWindowMs: raw.rateLimitWindow,
      operationsPerIdentity: raw.maxOperations,
      eventStreamsPerIdentity: raw.maxEventStreams,
      waitsPerIdentity: raw.maxWaits,
      upstreamTimeoutMs: raw.upstreamTimeout,
    },
    shutdownTimeoutMs: raw.shutdownTimeout,
    trustProxy: raw.trustProxy,
    graphCredentials:
      raw.graphTenantId !== undefined && raw.graphClientId !== undefined
        ? {
            tenantId: raw.graphTenantId,
            clientId: raw.graphClientId,
            authorityHost: raw.graphAuthorityHost,
            scope: raw.graphScope,
            ...(raw.graphClientSecret === undefined ? {} : { clientSecret: raw.graphClientSecret }),
            ...(raw.graphClientCertificate === undefined
              ? {}
              : { certificatePem: raw.graphClientCertificate }),
          }
        : undefined,
    tokenVaultKey: raw.tokenVaultKey,
    logLevel: raw.logLevel,
  }));
export type ProxyConfig = z.output<typeof proxyConfigSchema>;

/** A configured API key, kept only as digests: `digest` to look a presented key up by, `identity` as the owner id. */
export interface ApiKeyDigest {
  digest: Buffer;
  identity: string;
}

export function hashApiKey(key: string): ApiKeyDigest {
  const digest = createHash("sha256").update(key).digest();
  const identity = createHash("sha256").update(`lro-proxy identity\0${key}`).digest("hex").slice(0, 16);
  return { digest, identity: `key-${identity}` };
}
