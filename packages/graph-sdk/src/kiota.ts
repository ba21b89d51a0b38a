// Kiota (@microsoft/kiota-http-fetchlibrary), the middleware chain of the msgraph-sdk packages
export { LongRunningOperationHandler, kiotaMiddleware } from "./kiota-middleware.js";
export { AwaitOperationOption, awaitOperation } from "./await-operation-option.js";
export type { AwaitOperationSettings } from "./await-operation-option.js";
