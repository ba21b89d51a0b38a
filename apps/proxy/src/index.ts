// Running the proxy
export { startProxy } from "./lifecycle/start-proxy.js";
export type { RunningProxy, StartProxyOptions } from "./lifecycle/start-proxy.js";
export { createApp } from "./app.js";
export type { ProxyDependencies } from "./app.js";
export { describeStartupFailure, StartupError } from "./lifecycle/startup-failure.js";

// Configuration
export {
  ConfigError,
  defaultAllowedOrigins,
  environmentVariableOf,
  hashApiKey,
  parseCommandLine,
  parseConfig,
  proxyConfigSchema,
  usage,
} from "./config.js";
export type { ApiKeyDigest, ConfigSources, ParsedCommandLine, ProxyConfig } from "./config.js";

// Operations on the wire
export { toWireOperation } from "./wire/wire-operation.js";

// Store and tracker
export { openSqliteStore } from "./store/sqlite/sqlite-store.js";
export type { SqliteStoreOptions } from "./store/sqlite/sqlite-store.js";
export { openPostgresStore, PostgresDriverMissingError } from "./store/postgres/load-postgres-store.js";
export type { PostgresStoreOptions } from "./store/postgres/postgres-store-options.js";
export { SqliteStoreUnusableError } from "./store/sqlite/sqlite-file.js";
export { withRecordCache } from "./store/record-cache.js";
export { withHealthWatch } from "./store/store-health.js";
export type { RecordCacheOptions } from "./store/record-cache.js";
export type { OperationStore } from "./store/operation-store.js";
export type { ListCursor, ListOptions, OperationRecords } from "./store/operation-records.js";
export type { PollResult, PollSchedule } from "./store/poll-schedule.js";
export type { NotificationSchedule } from "./store/notification-schedule.js";
export type { ChangeFeed } from "./store/change-feed.js";
export type { Retention, SweepResult } from "./store/retention.js";
export type { NewOperationRecord, OperationRecord } from "./store/operation-record.js";
export type { OperationChange } from "./store/operation-change.js";
export { createTracker } from "./tracking/tracker.js";
export type { AdoptInput, Tracker, TrackerOptions, TrackerPollOptions } from "./tracking/tracker.js";

// Token continuity
export { createTokenVault } from "./tracking/token-vault.js";
export type {
  FallbackToken,
  TokenVault,
  TokenVaultOptions,
  VaultEntry,
  VaultPersistence,
} from "./tracking/token-vault.js";
export { openTokenVaultFile } from "./credentials/token-vault-file.js";
export type { TokenVaultFileOptions } from "./credentials/token-vault-file.js";
export { AppCredentialsError, createAppTokenProvider } from "./credentials/app-token-provider.js";
export type {
  AppTokenProvider,
  AppTokenProviderOptions,
  GraphAppCredentials,
} from "./credentials/app-token-provider.js";

// Security
export { createEgressPolicy } from "./security/egress-policy.js";
export type { EgressPolicy, EgressPolicyOptions, HostResolver } from "./security/egress-policy.js";
export { createIdentities } from "./security/identities.js";
export type { Identities, IdentitiesOptions, Identity, ProxyCredentials } from "./security/identities.js";
export { createOpenRequestLimits } from "./security/open-request-limits.js";
export type { OpenRequestKind, OpenRequestLimits } from "./security/open-request-limits.js";
export { createRateLimiter } from "./security/rate-limiter.js";
export type { RateDecision, RateLimiter, RateLimiterOptions } from "./security/rate-limiter.js";
export { originPatternSchema, parseOriginPattern } from "./security/origin-pattern.js";
export type { OriginPattern } from "./security/origin-pattern.js";

// Upstream calls
export { createUpstreamClient } from "./upstream/upstream-client.js";
export type {
  UpstreamClient,
  UpstreamClientOptions,
  UpstreamRequest,
  UpstreamResponse,
  UpstreamTarget,
} from "./upstream/upstream-client.js";

// Observability
export { createLogger } from "./observability/logger.js";
export type { LoggerOptions, ProxyLogger } from "./observability/logger.js";
export { createMetrics } from "./observability/metrics.js";
export type { MetricsOptions, OperationCounts, ProxyMetrics } from "./observability/metrics.js";

// Errors
export { graphErrorEnvelope } from "./http-errors/graph-error-envelope.js";
export { ProxyError } from "./http-errors/proxy-error.js";
export { AuthenticationError } from "./http-errors/authentication-error.js";
export { EgressDeniedError } from "./http-errors/egress-denied-error.js";
export {
  RateLimitedError,
  TooManyOpenRequestsError,
  TooManyOperationsError,
} from "./http-errors/limit-errors.js";
export { BadRequestError, NotFoundError, PayloadTooLargeError } from "./http-errors/request-errors.js";
export {
  ClientGoneError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "./http-errors/upstream-errors.js";
