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
export type { Operation, OperationError, OperationErrorDetail, OperationInnerError } from "./models/operation.js";
export { parseOperation, safeParseOperation, maximumInnerErrorDepth } from "./models/parse-operation.js";
export type { ParseOperationOptions, SafeParseOperationResult } from "./models/parse-operation.js";
export { isTerminal, isSucceeded, isFailed } from "./models/operation-predicates.js";
export { normaliseStatus } from "./models/normalise-status.js";
export { statusVocabularies, statusVocabularyOfKind } from "./models/status-vocabularies.js";
export type { StatusVocabularyName } from "./models/status-vocabularies.js";
export { detectOperationKind, kindOfODataType } from "./models/detect-operation-kind.js";
export { toGraphJson } from "./models/to-graph-json.js";

// Errors
export { LroError } from "./errors/lro-error.js";
export { OperationValidationError } from "./errors/operation-validation-error.js";
export type { OperationValidationIssue } from "./errors/operation-validation-error.js";
