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

// Errors
export { LroError } from "./errors/lro-error.js";
