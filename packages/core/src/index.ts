// Models
export { operationKinds, operationKindSchema } from "./models/operation-kind.js";
export type { OperationKind } from "./models/operation-kind.js";
export { operationStatuses, operationStatusSchema } from "./models/operation-status.js";
export type { OperationStatus } from "./models/operation-status.js";
export {
  operationSchema,
  operationWarningSchema,
  operationErrorSchema,
  operationErrorDetailSchema,
  operationInnerErrorSchema,
} from "./models/operation.js";
export type {
  Operation,
  OperationWarning,
  OperationError,
  OperationErrorDetail,
  OperationInnerError,
} from "./models/operation.js";
export { parseOperation, safeParseOperation, maximumInnerErrorDepth } from "./models/parse-operation.js";
export type { ParseOperationOptions, SafeParseOperationResult } from "./models/parse-operation.js";
export { isTerminal, isSucceeded, isFailed, isPartlySucceeded } from "./models/operation-predicates.js";
export { normaliseStatus, statusWordMeaning } from "./models/normalise-status.js";
export { statusVocabularies, statusVocabularyOfKind } from "./models/status-vocabularies.js";
export type { StatusVocabularyName, StatusWordMeaning } from "./models/status-vocabularies.js";
export { graphMonitorTypes, odataTypeOfKind } from "./models/graph-monitor-types.js";
export type { GraphMonitorType, GraphVersion } from "./models/graph-monitor-types.js";
export { detectOperationKind, kindOfODataType, kindOfODataContext } from "./models/detect-operation-kind.js";
export type { DetectOptions } from "./models/detect-operation-kind.js";
export { shapeRules } from "./models/shape-rules.js";
export type { ShapeRule } from "./models/shape-rules.js";
export { kindOfMonitorUrl } from "./models/kind-of-monitor-url.js";
export { monitorAddresses, entityMonitorAddress } from "./models/monitor-addresses.js";
export type { MonitorAddress } from "./models/monitor-addresses.js";
export { toGraphJson } from "./models/to-graph-json.js";
export { longRunningOperationSchema } from "./models/long-running-operation.js";
export type { LongRunningOperation } from "./models/long-running-operation.js";
export { richLongRunningOperationSchema } from "./models/rich-long-running-operation.js";
export type { RichLongRunningOperation } from "./models/rich-long-running-operation.js";
export { betaOperationSchema } from "./models/beta-operation.js";
export type { BetaOperation } from "./models/beta-operation.js";
export { teamsAsyncOperationSchema } from "./models/teams-async-operation.js";
export type { TeamsAsyncOperation } from "./models/teams-async-operation.js";
export { asyncJobStatusSchema } from "./models/async-job-status.js";
export type { AsyncJobStatus } from "./models/async-job-status.js";
export { onenoteOperationSchema } from "./models/onenote-operation.js";
export type { OnenoteOperation } from "./models/onenote-operation.js";
export { attackSimulationOperationSchema } from "./models/attack-simulation-operation.js";
export type { AttackSimulationOperation } from "./models/attack-simulation-operation.js";
export { engagementAsyncOperationSchema } from "./models/engagement-async-operation.js";
export type { EngagementAsyncOperation } from "./models/engagement-async-operation.js";
export { dataPolicyOperationSchema } from "./models/data-policy-operation.js";
export type { DataPolicyOperation } from "./models/data-policy-operation.js";
export {
  printerCreateOperationSchema,
  printOperationStatusSchema,
} from "./models/printer-create-operation.js";
export type { PrinterCreateOperation, PrintOperationStatus } from "./models/printer-create-operation.js";
export { workbookOperationSchema } from "./models/workbook-operation.js";
export type { WorkbookOperation } from "./models/workbook-operation.js";
export { commsOperationSchema } from "./models/comms-operation.js";
export type { CommsOperation } from "./models/comms-operation.js";
export { caseOperationSchema } from "./models/case-operation.js";
export type { CaseOperation } from "./models/case-operation.js";
export { connectionOperationSchema } from "./models/connection-operation.js";
export type { ConnectionOperation } from "./models/connection-operation.js";
export { delegatedAdminRelationshipOperationSchema } from "./models/delegated-admin-relationship-operation.js";
export type { DelegatedAdminRelationshipOperation } from "./models/delegated-admin-relationship-operation.js";
export { teamworkDeviceOperationSchema } from "./models/teamwork-device-operation.js";
export type { TeamworkDeviceOperation } from "./models/teamwork-device-operation.js";
export { approvalOperationSchema } from "./models/approval-operation.js";
export type { ApprovalOperation } from "./models/approval-operation.js";
export { mailFolderOperationSchema } from "./models/mail-folder-operation.js";
export type { MailFolderOperation } from "./models/mail-folder-operation.js";
export { placeOperationSchema } from "./models/place-operation.js";
export type { PlaceOperation } from "./models/place-operation.js";
export { placeOperationProgressSchema } from "./models/place-progress.js";
export type { PlaceOperationProgress } from "./models/place-progress.js";
export { configurationSnapshotJobSchema } from "./models/configuration-snapshot-job.js";
export type { ConfigurationSnapshotJob } from "./models/configuration-snapshot-job.js";
export { resultInfoSchema } from "./models/result-info.js";
export type { ResultInfo } from "./models/result-info.js";
export {
  publicErrorSchema,
  publicErrorDetailSchema,
  publicInnerErrorSchema,
  teamsOperationErrorSchema,
} from "./models/public-error.js";
export type {
  PublicError,
  PublicErrorDetail,
  PublicInnerError,
  TeamsOperationError,
} from "./models/public-error.js";

// Engine: the one decision of polling, pure
export { step, firstPoll, nextWake } from "./engine/step.js";
export type { MonitorReading, StepEnd, StepOutcome, StepResult } from "./engine/step-result.js";
export { engineStateSchema, storedEngineStateSchema, initialEngineState } from "./engine/engine-state.js";
export type { EngineState } from "./engine/engine-state.js";
export { createEnginePolicy, defaultMaxRetries } from "./engine/engine-policy.js";
export type { EnginePolicy } from "./engine/engine-policy.js";
export { failureKind } from "./engine/failure-kind.js";
export type { FailureKind } from "./engine/failure-kind.js";
export { monitorTroubleSchema, monitorTroubleKinds } from "./engine/monitor-trouble.js";
export type { MonitorTrouble, MonitorTroubleKind } from "./engine/monitor-trouble.js";
export { snapshotChanged } from "./poller/snapshot-changed.js";

// Poller
export { pollOperation } from "./poller/poll-operation.js";
export type { PollOptions } from "./poller/poll-options.js";
export { startOperation } from "./poller/start-operation.js";
export type { StartRequest } from "./poller/start-request.js";
export { resumeOperation } from "./poller/resume-operation.js";
export { createOperationWatcher } from "./poller/operation-watcher.js";
export type { OperationWatcher, WatchOptions } from "./poller/operation-watcher.js";
export { resumeTokenSchema, parseResumeToken } from "./poller/resume-token.js";
export type { ResumeToken, StoredResumeToken } from "./poller/resume-token.js";
export { pollMonitor } from "./poller/poll-monitor.js";
export type { PollMonitorOptions } from "./poller/poll-monitor.js";
export type { MonitorAnswer } from "./poller/monitor-answer.js";
export { transientFailure } from "./poller/transient-failure.js";
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
export { readStartAnswer } from "./poller/start-answer.js";
export type { StartAnswer } from "./poller/start-answer.js";
export { resolveMonitorUrl, mayReceiveAuthorization, graphOrigins } from "./poller/monitor-url.js";
export type { AuthorizationScope } from "./poller/monitor-url.js";
export type { AuthorizationOptions, GetAuthorization } from "./poller/request-headers.js";
export { createTransport, defaultMaxResponseBytes } from "./poller/create-transport.js";
export type { TransportOptions } from "./poller/create-transport.js";
export type { Transport, TransportRequest, TransportResponse } from "./poller/transport.js";
export type { UndiciDispatcher } from "./poller/undici-transport.js";

// Errors
export { LroError, isErrorClass, errorMarker } from "./errors/lro-error.js";
export type { ErrorClassCheck } from "./errors/lro-error.js";
export { OperationValidationError } from "./errors/operation-validation-error.js";
export type { OperationValidationIssue } from "./errors/operation-validation-error.js";
export { OperationFailedError } from "./errors/operation-failed-error.js";
export { PollTimeoutError } from "./errors/poll-timeout-error.js";
export { OperationNotFoundError } from "./errors/operation-not-found-error.js";
export { MonitorAuthorizationError } from "./errors/monitor-authorization-error.js";
export { UpstreamHttpError } from "./errors/upstream-http-error.js";
export { MissingMonitorError } from "./errors/missing-monitor-error.js";
export { TransportError } from "./errors/transport-error.js";
export { ResponseTooLargeError } from "./errors/response-too-large-error.js";
export { InvalidResumeTokenError } from "./errors/invalid-resume-token-error.js";
