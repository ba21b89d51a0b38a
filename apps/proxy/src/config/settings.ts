/**
 * Every setting of the proxy: a flag (`--data-dir`) and an environment variable (`LRO_PROXY_DATA_DIR`);
 * a flag wins over the environment. Repeatable flags take a comma-separated list in their variable.
 */
export const settings = {
  upstream: {
    flag: "upstream",
    multiple: false,
    description: "Graph-like origin requests are forwarded to (default https://graph.microsoft.com)",
  },
  prefix: {
    flag: "prefix",
    multiple: true,
    description: "path prefix forwarded to the upstream (default /v1.0 and /beta)",
  },
  host: { flag: "host", multiple: false, description: "address to listen on (default 127.0.0.1)" },
  port: {
    flag: "port",
    multiple: false,
    description: "port to listen on (default 8080; 0 picks a free one)",
  },
  publicUrl: {
    flag: "public-url",
    multiple: false,
    description:
      "the URL clients reach the proxy at (e.g. https://lro.example.com): every link the proxy writes starts with it",
  },
  tlsCert: {
    flag: "tls-cert",
    multiple: false,
    description: "PEM certificate chain file: the proxy listens with HTTPS (needs --tls-key)",
  },
  tlsKey: {
    flag: "tls-key",
    multiple: false,
    description: "PEM private key file of --tls-cert",
  },
  dataDir: {
    flag: "data-dir",
    multiple: false,
    description: "directory of the SQLite database (default .lro-proxy)",
  },
  databaseUrl: {
    flag: "database-url",
    multiple: false,
    description:
      "PostgreSQL URL: store operations there instead of SQLite, shared by every instance (a cluster)",
  },
  databaseSchema: {
    flag: "database-schema",
    multiple: false,
    description: "PostgreSQL schema of the proxy's tables, created on start (default lro_proxy)",
  },
  lease: {
    flag: "lease",
    multiple: false,
    description:
      "how long a claimed poll stays with one instance before another may take it over; must exceed --upstream-timeout (default 2m)",
  },
  pollsInFlight: {
    flag: "polls-in-flight",
    multiple: false,
    description:
      "monitor polls and notifications one instance runs at once, all origins together (default 512)",
  },
  pollsInFlightPerOrigin: {
    flag: "polls-in-flight-per-origin",
    multiple: false,
    description:
      "polls and notifications one instance runs at once to one origin, so a slow or throttling one cannot take every slot (default 256)",
  },
  pollBatch: {
    flag: "poll-batch",
    multiple: false,
    description: "due polls claimed, and poll outcomes written, by one database statement (default 500)",
  },
  allowOrigin: {
    flag: "allow-origin",
    multiple: true,
    description:
      "origin the proxy may call besides the upstream and Microsoft's monitor hosts; https://*.example.com and http://127.0.0.1:* patterns",
  },
  allowAddress: {
    flag: "allow-address",
    multiple: true,
    description:
      "IP address or CIDR range of a blocked kind (loopback, private, link-local) that may be called anyway",
  },
  tokenOrigin: {
    flag: "token-origin",
    multiple: true,
    description: "origin that may receive a caller's Graph token besides the one it was sent to",
  },
  corsOrigin: {
    flag: "cors-origin",
    multiple: true,
    description:
      "origin a browser page may call the proxy from (exact, such as https://app.example.com; no wildcard): CORS answers name it, preflights need no credentials",
  },
  streamTokenSecret: {
    flag: "stream-token-secret",
    multiple: false,
    description:
      "256-bit key (64 hex digits or base64) that signs the stream tokens of browser event streams; give every instance of a cluster the same (default: a random key per process; prefer the environment or --stream-token-secret-file)",
  },
  streamTokenSecretFile: {
    flag: "stream-token-secret-file",
    multiple: false,
    description: "a file holding the stream token key",
  },
  streamTokenLifetime: {
    flag: "stream-token-lifetime",
    multiple: false,
    description:
      "how long a stream token may start an event stream after it is minted (default 5m; at most 1h)",
  },
  apiKey: {
    flag: "api-key",
    multiple: true,
    description: "API key a client sends as X-API-Key (at least 16 characters)",
  },
  apiKeyFile: {
    flag: "api-key-file",
    multiple: false,
    description: "file with one API key per line (# comments allowed)",
  },
  jwksUrl: {
    flag: "jwks-url",
    multiple: false,
    description: "JSON Web Key Set that verifies JWTs sent as Proxy-Authorization: Bearer",
  },
  jwtIssuer: { flag: "jwt-issuer", multiple: false, description: "issuer (iss) JWTs must carry" },
  jwtAudience: { flag: "jwt-audience", multiple: false, description: "audience (aud) JWTs must carry" },
  retention: {
    flag: "retention",
    multiple: false,
    description: "how long finished operations are kept (default 24h)",
  },
  operationDeadline: {
    flag: "operation-deadline",
    multiple: false,
    description:
      "how long an operation that has not ended is followed after adoption; then tracking.state is stopped (default 7d)",
  },
  bodyLimit: { flag: "body-limit", multiple: false, description: "largest request body (default 4mb)" },
  maxHeaderSize: {
    flag: "max-header-size",
    multiple: false,
    description: "largest request header block (default 16kb)",
  },
  maxMonitorAnswer: {
    flag: "max-monitor-answer",
    multiple: false,
    description: "largest monitor answer read; a larger one is dropped and its operation fails (default 1mb)",
  },
  rateLimit: {
    flag: "rate-limit",
    multiple: false,
    description: "requests per client per window (default 600)",
  },
  rateLimitWindow: {
    flag: "rate-limit-window",
    multiple: false,
    description: "the rate limit's window (default 1m)",
  },
  maxOperations: {
    flag: "max-operations",
    multiple: false,
    description: "operations one client may have followed at once (default 1000)",
  },
  maxEventStreams: {
    flag: "max-event-streams",
    multiple: false,
    description: "event streams one client may hold open at once (default 20; 429 beyond)",
  },
  maxWaits: {
    flag: "max-waits",
    multiple: false,
    description:
      "requests one client may have waiting (Prefer: wait, ?wait=) at once (default 100; 429 beyond)",
  },
  upstreamTimeout: {
    flag: "upstream-timeout",
    multiple: false,
    description: "timeout of every upstream call: connect, headers, each body chunk (default 30s)",
  },
  shutdownTimeout: {
    flag: "shutdown-timeout",
    multiple: false,
    description: "how long shutdown waits for requests in flight (default 10s)",
  },
  trustProxy: {
    flag: "trust-proxy",
    multiple: true,
    description:
      "proxies in front whose X-Forwarded-For names the client (rate limits, lock-out, logs): a number of hops, or addresses, CIDR ranges, loopback, linklocal, uniquelocal (default none: the connection's address)",
  },
  graphTenantId: {
    flag: "graph-tenant-id",
    multiple: false,
    description: "app-only Graph credentials: the tenant (id or domain) the proxy gets its own tokens from",
  },
  graphClientId: {
    flag: "graph-client-id",
    multiple: false,
    description: "app-only Graph credentials: the application (client) id",
  },
  graphClientSecret: {
    flag: "graph-client-secret",
    multiple: false,
    description:
      "app-only Graph credentials: the client secret (prefer the environment or --graph-client-secret-file)",
  },
  graphClientSecretFile: {
    flag: "graph-client-secret-file",
    multiple: false,
    description: "app-only Graph credentials: a file holding the client secret",
  },
  graphClientCertificateFile: {
    flag: "graph-client-certificate-file",
    multiple: false,
    description: "app-only Graph credentials: a PEM file with the application's private key and certificate",
  },
  graphAuthorityHost: {
    flag: "graph-authority-host",
    multiple: false,
    description: "app-only Graph credentials: the sign-in host (default https://login.microsoftonline.com)",
  },
  graphScope: {
    flag: "graph-scope",
    multiple: false,
    description:
      "app-only Graph credentials: the scope asked for (default https://graph.microsoft.com/.default)",
  },
  tokenVaultKey: {
    flag: "token-vault-key",
    multiple: false,
    description:
      "256-bit key (64 hex digits or base64) that encrypts callers' Graph tokens kept in <data-dir>/tokens.vault across restarts (prefer the environment or --token-vault-key-file)",
  },
  tokenVaultKeyFile: {
    flag: "token-vault-key-file",
    multiple: false,
    description: "a file holding the token vault's key",
  },
  logLevel: {
    flag: "log-level",
    multiple: false,
    description: "fatal, error, warn, info, debug, trace or silent (default info)",
  },
} as const;
export type SettingName = keyof typeof settings;

/** The environment variable of a setting: `--data-dir` is `LRO_PROXY_DATA_DIR`. */
export function environmentVariableOf(name: SettingName): string {
  return `LRO_PROXY_${settings[name].flag.replaceAll("-", "_").toUpperCase()}`;
}

/** How a setting is named in error messages: `--data-dir (LRO_PROXY_DATA_DIR)`. */
export function settingLabel(name: SettingName): string {
  return `--${settings[name].flag} (${environmentVariableOf(name)})`;
}

/** The `--help` text: every setting with its environment variable. */
export function usage(): string {
  const lines = Object.entries(settings).flatMap(([name, { flag, multiple, description }]) => [
    `  --${flag} <value>   ${environmentVariableOf(name as SettingName)}${multiple ? " (repeatable; comma-separated in the environment)" : ""}`,
    `      ${description}`,
  ]);
  return [
    "Usage: lro-proxy [settings]       (lro-proxy --help: this help; lro-proxy --version: the version)",
    "",
    "A REST proxy in front of Microsoft Graph that follows every long-running operation it sees.",
    "Each setting is a flag or an environment variable; a flag wins.",
    "",
    ...lines,
  ].join("\n");
}
