// @microsoft/microsoft-graph-client v3
export { LongRunningOperationMiddleware, graphClientMiddleware } from "./graph-client-middleware.js";
export { AwaitOperationOption, awaitOperation } from "./await-operation-option.js";
export type { AwaitOperationSettings } from "./await-operation-option.js";
