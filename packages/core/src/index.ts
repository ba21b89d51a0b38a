// Models
export { operationKinds, operationKindSchema } from "./models/operation-kind.js";
export type { OperationKind } from "./models/operation-kind.js";
export { operationStatuses, operationStatusSchema } from "./models/operation-status.js";
export type { OperationStatus } from "./models/operation-status.js";
export {
  operationSchema,
  operationErrorSchema,
  operationErrorDetailSchema,
  operationInnerErrorSchema,
} from "./models/operation.js";
export type {
  Operation,
  OperationError,
  OperationErrorDetail,
  OperationInnerError,
} from "./models/operation.js";
export { parseOperation, safeParseOperation, maximumInnerErrorDepth } from "./models/parse-operation.js";
export type { ParseOperationOptions, SafeParseOperationResult } from "./models/parse-operation.js";
export { isTerminal, isSucceeded, isFailed } from "./models/operation-predicates.js";
export { normaliseStatus } from "./models/normalise-status.js";
export { statusVocabularies, statusVocabularyOfKind } from "./models/status-vocabularies.js";
export type { StatusVocabularyName } from "./models/status-vocabularies.js";
export { detectOperationKind, kindOfODataType } from "./models/detect-operation-kind.js";
export { toGraphJson } from "./models/to-graph-json.js";

// Poller
export { pollOperation } from "./poller/poll-operation.js";
export type { PollOptions } from "./poller/poll-options.js";
export { resumeTokenSchema, parseResumeToken } from "./poller/resume-token.js";
export type { ResumeToken } from "./poller/resume-token.js";
export { pollMonitor } from "./poller/poll-monitor.js";
export type { PollMonitorOptions } from "./poller/poll-monitor.js";
export type { MonitorAnswer } from "./poller/monitor-answer.js";
export { nextPoll } from "./poller/pacing.js";
export type { PacingInput, PollDecision, PollReason } from "./poller/pacing.js";
export { createPacingPolicy, defaultPacingPolicy } from "./poller/pacing-policy.js";
export type { PacingPolicy, PollInterval } from "./poller/pacing-policy.js";
export { pacingSampleSchema, toPacingSample, appendPacingSample } from "./poller/pacing-sample.js";
export type { PacingSample } from "./poller/pacing-sample.js";
export { estimateCompletion } from "./poller/completion-estimate.js";
export type { CompletionEstimate } from "./poller/completion-estimate.js";
export { fullJitterBackoff } from "./poller/backoff.js";
export type { BackoffConfig } from "./poller/backoff.js";
export { parseRetryAfter } from "./poller/retry-after.js";
export { resolveMonitorUrl, mayReceiveAuthorization } from "./poller/monitor-url.js";
export type { AuthorizationScope } from "./poller/monitor-url.js";
export type { AuthorizationOptions, GetAuthorization } from "./poller/request-headers.js";
export { createTransport } from "./poller/create-transport.js";
export type { TransportOptions } from "./poller/create-transport.js";
export type { Transport, TransportRequest, TransportResponse } from "./poller/transport.js";

// Errors
export { LroError } from "./errors/lro-error.js";
export { OperationValidationError } from "./errors/operation-validation-error.js";
export type { OperationValidationIssue } from "./errors/operation-validation-error.js";
export { OperationFailedError } from "./errors/operation-failed-error.js";
export { PollTimeoutError } from "./errors/poll-timeout-error.js";
export { OperationNotFoundError } from "./errors/operation-not-found-error.js";
export { MonitorAuthorizationError } from "./errors/monitor-authorization-error.js";
export { UpstreamHttpError } from "./errors/upstream-http-error.js";
export { MissingMonitorError } from "./errors/missing-monitor-error.js";
export { TransportError } from "./errors/transport-error.js";
export { InvalidResumeTokenError } from "./errors/invalid-resume-token-error.js";
